package dev.holdfast.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * What a care visit scheduled by hand must satisfy. A visit lets its visitor see the
 * customer until a while after its due date, so the due date is bounded
 * ({@code holdfast.care.max-due-days}), and giving a visit to someone else or one that
 * outlasts one's own access is a care coordinator's act.
 */
@Component
class ManualVisitRules {

	private static final Set<String> MANUAL_REASONS = Set.of("MANUAL", "RHYTHM", "COMPLAINT");

	private final VisitScheduling scheduling;

	private final CareProperties properties;

	private final HoldfastClock clock;

	ManualVisitRules(VisitScheduling scheduling, CareProperties properties, HoldfastClock clock) {
		this.clock = clock;
		this.scheduling = scheduling;
		this.properties = properties;
	}

	/** The latest due date a visit scheduled today may have. */
	LocalDate latestDue() {
		return this.clock.today().plusDays(this.properties.maxDueDays());
	}

	/** The visit's reason, once its fields are valid (400 otherwise). */
	String checkedReason(CareVisitForm form) {
		if (form.dueOn() == null) {
			throw new InvalidInputException("dueOn", "is required");
		}
		if (form.note() != null && form.note().length() > 2000) {
			throw new InvalidInputException("note", "at most 2000 characters");
		}
		String reason = form.reason() == null || form.reason().isBlank() ? "MANUAL" : form.reason().strip();
		if (!MANUAL_REASONS.contains(reason)) {
			throw new InvalidInputException("reason", "one of MANUAL, RHYTHM, COMPLAINT");
		}
		if (form.dueOn().isBefore(this.clock.today())) {
			throw new InvalidInputException("dueOn", "must not be in the past");
		}
		if (form.dueOn().isAfter(latestDue())) {
			throw new InvalidInputException("dueOn", "is too far ahead for a care visit");
		}
		return reason;
	}

	/**
	 * A visit lets its visitor see the customer, so giving one to someone else, or one
	 * that outlasts one's own membership, is a care coordinator's act.
	 */
	void requireCoordinationUnlessOwn(long customerId, Long assignee, long me, LocalDate dueOn) {
		if (!Objects.equals(assignee, me)) {
			requireCoordinator("only a care coordinator gives care visits to others");
			return;
		}
		Instant visitEnds = dueOn.plusDays(1).atStartOfDay(this.clock.zone()).toInstant();
		if (this.scheduling.membershipEnds(customerId, me).filter(visitEnds::isAfter).isPresent()) {
			requireCoordinator(
					"only a care coordinator extends access: the visit is due after your access to the customer ends");
		}
	}

	/**
	 * 403 with the reason unless the caller coordinates care (and is not serving notice).
	 */
	private static void requireCoordinator(String reason) {
		if (!Permission.CARE_COORDINATE.isHeld()) {
			throw new ForbiddenException(reason);
		}
		Permission.CARE_COORDINATE.require();
	}

}
