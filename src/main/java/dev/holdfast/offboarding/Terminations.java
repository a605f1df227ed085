package dev.holdfast.offboarding;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.CurrentEmployee;

/**
 * Ends an employment at once, for cause, instead of at the end of the last working day.
 */
@Service
public class Terminations {

	private static final int MAX_REASON = 1000;

	private final CaseAccess access;

	private final Departures departures;

	private final Cases cases;

	private final CaseDetailsReader details;

	private final TransactionTemplate transactions;

	Terminations(CaseAccess access, Departures departures, Cases cases, CaseDetailsReader details,
			TransactionTemplate transactions) {
		this.access = access;
		this.departures = departures;
		this.cases = cases;
		this.details = details;
		this.transactions = transactions;
	}

	/** Ends the employment now, for cause; the rest goes to the manager. */
	public CaseDetails terminate(long caseId, TerminationForm form) {
		// the case first: a case the caller may not run answers 404 whatever the form
		// says
		OffboardingCase offboarding = this.transactions.execute(status -> this.access.manageable(caseId));
		String reason = form.reason() == null ? "" : form.reason().strip();
		if (reason.isEmpty()) {
			throw new InvalidInputException("reason", "the reason is required");
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "must be at most 1000 characters");
		}
		if (!offboarding.open()) {
			throw new ConflictException("departed", "the employee has left already");
		}
		this.departures.depart(caseId, CurrentEmployee.id(), reason);
		return this.transactions.execute(status -> this.details.of(this.cases.find(caseId).orElseThrow(), true));
	}

}
