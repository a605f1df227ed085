package dev.holdfast.offboarding;

import java.time.LocalDate;
import java.util.List;

/**
 * A rotation plan as a manager writes it: these customers move from one rep to another on
 * a date, each with a handover note for the new rep.
 */
public record RotationForm(Long fromEmployeeId, Long toEmployeeId, LocalDate rotateOn, String reason,
		List<Customer> customers) {

	public RotationForm {
		customers = customers == null ? List.of() : customers;
	}

	/** A customer of the plan and the note its new rep reads. */
	public record Customer(Long customerId, String note) {
	}

}
