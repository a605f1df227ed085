package dev.holdfast.agreement;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The last working days of leavers, from which agreement terms run. Owned here and
 * implemented by the offboarding module, which depends on this one: agreement asks
 * through this interface instead of reading offboarding's tables, so there is no hidden
 * cycle. Without an implementation (a module test of agreement alone) nobody has left.
 */
public interface LastWorkingDays {

	/** Nobody has left: for a module test of agreement alone. */
	LastWorkingDays NONE = new LastWorkingDays() {

		@Override
		public Optional<LocalDate> of(long employeeId) {
			return Optional.empty();
		}

		@Override
		public Map<Long, LocalDate> all() {
			return Map.of();
		}

	};

	/** The last working day of the employee's latest offboarding case, if any. */
	Optional<LocalDate> of(long employeeId);

	/** The last working day of every employee's latest offboarding case. */
	Map<Long, LocalDate> all();

}
