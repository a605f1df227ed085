package dev.holdfast.offboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rotation form as the page sends it: every customer row sends its id
 * ({@code noteFor}) and its note ({@code notes}) in order, and the ticked rows their id
 * again ({@code customerIds}).
 */
public record RotationPageForm(Long fromEmployeeId, Long toEmployeeId, LocalDate rotateOn, String reason,
		List<Long> customerIds, List<Long> noteFor, List<String> notes) {

	public RotationPageForm {
		customerIds = customerIds == null ? List.of() : customerIds;
		noteFor = noteFor == null ? List.of() : noteFor;
		notes = notes == null ? List.of() : notes;
	}

	public RotationForm toForm() {
		List<RotationForm.Customer> customers = new ArrayList<>();
		for (Long id : this.customerIds) {
			customers.add(new RotationForm.Customer(id, note(id)));
		}
		return new RotationForm(this.fromEmployeeId, this.toEmployeeId, this.rotateOn, this.reason, customers);
	}

	/** The note typed on the customer's row. */
	public String note(Long customerId) {
		int i = this.noteFor.indexOf(customerId);
		return i >= 0 && i < this.notes.size() ? this.notes.get(i) : null;
	}

	public boolean ticked(Long customerId) {
		return this.customerIds.contains(customerId);
	}

	public static RotationPageForm of(RotationForm form) {
		List<Long> ids = form.customers().stream().map(RotationForm.Customer::customerId).toList();
		return new RotationPageForm(form.fromEmployeeId(), form.toEmployeeId(), form.rotateOn(), form.reason(), ids,
				ids, form.customers().stream().map(c -> c.note() == null ? "" : c.note()).toList());
	}

}
