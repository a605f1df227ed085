package dev.holdfast.care;

import java.util.List;

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

import dev.holdfast.shared.AnyEmployee;

/**
 * Complaints over REST: record one on a customer, list them, and move one through its
 * statuses (OPEN → IN_PROGRESS → RESOLVED → CLOSED, or REOPENED); an invalid move is 409.
 */
@RestController
@RequestMapping("/api/v1")
class ComplaintApi {

	private final Complaints complaints;

	ComplaintApi(Complaints complaints) {
		this.complaints = complaints;
	}

	@PostMapping("/customers/{id}/complaints")
	@AnyEmployee
	@ResponseStatus(HttpStatus.CREATED)
	ComplaintView record(@PathVariable long id, @Valid @RequestBody ComplaintForm form) {
		return this.complaints.record(id, form);
	}

	@GetMapping("/customers/{id}/complaints")
	@AnyEmployee
	List<ComplaintView> ofCustomer(@PathVariable long id) {
		return this.complaints.ofCustomer(id);
	}

	@GetMapping("/complaints")
	@AnyEmployee
	List<ComplaintView> visible(@RequestParam(required = false) ComplaintStatus status) {
		return this.complaints.visible(status);
	}

	@GetMapping("/complaints/{id}")
	@AnyEmployee
	ComplaintView get(@PathVariable long id) {
		return this.complaints.get(id);
	}

	@PostMapping("/complaints/{id}/transitions")
	@AnyEmployee
	ComplaintView transition(@PathVariable long id, @Valid @RequestBody ComplaintTransitionForm form) {
		return this.complaints.transition(id, form);
	}

}
