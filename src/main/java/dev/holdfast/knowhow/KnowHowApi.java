package dev.holdfast.knowhow;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The know-how library over REST: publish (managers), search and read (everyone who
 * records follow-ups), withdraw (managers).
 */
@RestController
@RequestMapping("/api/v1/know-how")
class KnowHowApi {

	private final KnowHowLibrary library;

	KnowHowApi(KnowHowLibrary library) {
		this.library = library;
	}

	@PostMapping
	@RequiresPermission(Permission.KNOWHOW_PUBLISH)
	@ResponseStatus(HttpStatus.CREATED)
	KnowHowDetails publish(@Valid @RequestBody PublishForm form) {
		return this.library.publish(form);
	}

	@GetMapping
	@RequiresPermission(anyOf = { Permission.KNOWHOW_PUBLISH, Permission.FOLLOWUP_CREATE })
	PageResult<KnowHowSummary> search(@RequestParam(required = false) String industry,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.library.search(KnowHowQuery.of(industry, kind, stage, q), PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@RequiresPermission(anyOf = { Permission.KNOWHOW_PUBLISH, Permission.FOLLOWUP_CREATE })
	KnowHowDetails find(@PathVariable long id) {
		return this.library.find(id);
	}

	@PostMapping("/{id}/withdraw")
	@RequiresPermission(Permission.KNOWHOW_PUBLISH)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable long id) {
		this.library.withdraw(id);
	}

}
