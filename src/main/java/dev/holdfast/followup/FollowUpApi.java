package dev.holdfast.followup;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

@RestController
@RequestMapping("/api/v1")
class FollowUpApi {

	private final FollowUpManagement followUps;

	FollowUpApi(FollowUpManagement followUps) {
		this.followUps = followUps;
	}

	@PostMapping("/customers/{id}/follow-ups")
	@AnyEmployee
	@ResponseStatus(HttpStatus.CREATED)
	FollowUpView record(@PathVariable long id, @Valid @RequestBody FollowUpForm form) {
		return this.followUps.record(id, form);
	}

	@GetMapping("/customers/{id}/follow-ups")
	@AnyEmployee
	PageResult<FollowUpView> timeline(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.followUps.timeline(id, PageRequest.of(page, size));
	}

	@PatchMapping("/follow-ups/{id}")
	@AnyEmployee
	FollowUpView correct(@PathVariable long id, @Valid @RequestBody FollowUpChanges changes) {
		return this.followUps.correct(id, changes);
	}

}
