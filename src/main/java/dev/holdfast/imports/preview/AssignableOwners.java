package dev.holdfast.imports.preview;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.Owners;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NoticePeriodException;

/**
 * Whom the importer may give imported customers to: themselves, or an employee who may
 * own customers (active, in a sales role) and whom the importer's data scope covers, as
 * the customer module requires of every owner it records.
 */
@Component
public class AssignableOwners {

	private final Owners owners;

	private final VisibleCustomers visible;

	AssignableOwners(Owners owners, VisibleCustomers visible) {
		this.owners = owners;
		this.visible = visible;
	}

	/** The check for one file or one commit: it remembers its answers. */
	public Check check() {
		return new Check(this.visible.ownersOfCaller(), CurrentEmployee.id());
	}

	/** Answers for one importer. */
	public final class Check {

		private final VisibleCustomers.Owners scope;

		private final long importer;

		private final Map<Long, Boolean> known = new HashMap<>();

		Check(VisibleCustomers.Owners scope, long importer) {
			this.scope = scope;
			this.importer = importer;
		}

		public boolean allows(long employeeId) {
			return this.known.computeIfAbsent(employeeId, this::decide);
		}

		private boolean decide(long employeeId) {
			if (employeeId != this.importer && !this.scope.covers(employeeId)) {
				return false;
			}
			try {
				AssignableOwners.this.owners.requireOwner(employeeId, "ownerId");
				return true;
			}
			catch (InvalidInputException | NoticePeriodException ex) {
				return false;
			}
		}

	}

}
