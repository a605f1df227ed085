package dev.holdfast.care;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;

/**
 * Care visits over REST: a customer's care history, scheduling one by hand, the caller's
 * open visits, and recording an outcome.
 */
@RestController
@RequestMapping("/api/v1")
class CareApi {

	private final CareVisits visits;

	CareApi(CareVisits visits) {
		this.visits = visits;
	}

	@GetMapping("/customers/{id}/care-visits")
	@AnyEmployee
	List<CareVisitView> ofCustomer(@PathVariable long id) {
		return this.visits.ofCustomer(id);
	}

	@PostMapping("/customers/{id}/care-visits")
	@AnyEmployee
	@ResponseStatus(HttpStatus.CREATED)
	CareVisitView schedule(@PathVariable long id, @Valid @RequestBody CareVisitForm form) {
		return this.visits.schedule(id, form);
	}

	@GetMapping("/care-visits")
	@AnyEmployee
	List<CareVisitView> mine() {
		return this.visits.mine();
	}

	@PostMapping("/care-visits/{id}/outcome")
	@AnyEmployee
	CareVisitView outcome(@PathVariable long id, @Valid @RequestBody CareOutcomeForm form) {
		return this.visits.recordOutcome(id, form);
	}

}
