package dev.holdfast.customer.duplicate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.ActivityMeasure;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditActivity;
import dev.holdfast.customer.DuplicateProbe;
import dev.holdfast.organization.DataScopes;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.TooManyRequestsException;

/**
 * The caller's daily budget of duplicate-check answers on phone numbers and e-mail
 * addresses ({@link DuplicateProperties}), counted through the audit trail's
 * {@link AuditActivity} since the start of the company's day: {@code DUPLICATE_REFUSED}
 * events at customers the caller may not see (a refusal that names a customer they may
 * read tells them nothing they can't read: a manager previewing their own import file
 * again must not run out, as a role walk found after four previews), and contact events
 * that set or changed a phone or e-mail ({@code changed} in their facts). A caller's
 * checks queue on a lock until commit, so concurrent requests can't both take the last
 * answer. Work without a caller, or the application seeding the demo company, has no
 * budget; nor has someone whose data scope covers every customer (an administrator):
 * every answer names the existing customer to them, so the check tells them nothing they
 * can't read. An import whose larger allowance an administrator approved takes its
 * previews' values from that allowance instead ({@link #room(DuplicateProbe.Allowance)}):
 * its events carry the fact {@code allowance} and are left out of the day's budget.
 */
@Component
class DuplicateBudget {

	/**
	 * Refusals, and answers of any kind: refusals and contacts whose phone or e-mail was
	 * set or changed.
	 */
	private static final List<ActivityMeasure> BUDGET = List.of(
			ActivityMeasure.of(AuditAction.DUPLICATE_REFUSED).unlessFact("readable").unlessFact("allowance"),
			ActivityMeasure.of(AuditAction.DUPLICATE_REFUSED)
				.unlessFact("readable")
				.unlessFact("allowance")
				.or(ActivityMeasure
					.of(AuditAction.CONTACT_CREATED, AuditAction.CONTACT_UPDATED, AuditAction.CONTACT_RESTORED)
					.withFact("changed")),
			ActivityMeasure.of(AuditAction.DUPLICATES_CHECKED).unlessFact("allowance").summing("values"));

	/** The values one import's previews looked up under its approved allowance. */
	private static List<ActivityMeasure> allowanceUsed(long importId) {
		return List.of(ActivityMeasure.of(AuditAction.DUPLICATES_CHECKED)
			.withFact("allowance")
			.withFact("importId", importId)
			.summing("values"));
	}

	private final JdbcClient jdbc;

	private final AuditActivity activity;

	private final DuplicateProperties properties;

	private final HoldfastClock clock;

	private final DuplicateRefusals refusals;

	private final DataScopes scopes;

	DuplicateBudget(JdbcClient jdbc, DuplicateProperties properties, DuplicateRefusals refusals, DataScopes scopes,
			HoldfastClock clock, AuditActivity activity) {
		this.activity = activity;
		this.clock = clock;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.properties = properties;
		this.refusals = refusals;
	}

	/**
	 * Refuses (429, {@code Retry-After} the next day) once the caller has used today's
	 * budget, before anything is looked up: the refusal says nothing about the value.
	 */
	void requireRoom(Long customerId, String field) {
		EmployeePrincipal caller = CurrentEmployee.find().orElse(null);
		if (caller == null || caller.seeding() || this.scopes.ownerScopeOf(caller.employeeId()).all()) {
			return;
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('duplicate_budget'), ?)")
			.param((int) caller.employeeId())
			.query(Object.class)
			.single();
		LocalDate today = this.clock.today();
		double[] used = this.activity.since(BUDGET, caller.employeeId(),
				today.atStartOfDay(this.clock.zone()).toInstant());
		if (used[0] < this.properties.refusalsPerDay() && used[1] < this.properties.checksPerDay()) {
			return;
		}
		this.refusals.budgetUsedUp(customerId, field);
		Instant renewal = today.plusDays(1).atStartOfDay(this.clock.zone()).toInstant();
		throw new TooManyRequestsException(
				"the daily budget of duplicate checks on phone numbers and e-mail addresses is used up; it renews at midnight",
				Duration.between(this.clock.now(), renewal));
	}

	/**
	 * The caller's room left today, for many checks in one transaction (an import's
	 * preview): looked up once, under the lock that then holds until commit, so that no
	 * other check of the caller's can take from it meanwhile; each refusal is then taken
	 * from it in memory. Null when the caller has no budget.
	 */
	Room room() {
		return room(null);
	}

	/**
	 * {@link #room()} for the previews of an import with an approved allowance: what is
	 * left of the allowance, in place of the day's budget (which it neither uses nor
	 * lifts). Null when the caller has no budget.
	 */
	Room room(DuplicateProbe.Allowance allowance) {
		EmployeePrincipal caller = CurrentEmployee.find().orElse(null);
		if (caller == null || caller.seeding() || this.scopes.ownerScopeOf(caller.employeeId()).all()) {
			return null;
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('duplicate_budget'), ?)")
			.param((int) caller.employeeId())
			.query(Object.class)
			.single();
		if (allowance != null) {
			double used = this.activity.since(allowanceUsed(allowance.importId()), caller.employeeId(),
					allowance.since())[0];
			// each "exists" answer is one of the values approved: no second limit on them
			return new Room(Long.MAX_VALUE, allowance.values() - (long) used);
		}
		double[] used = this.activity.since(BUDGET, caller.employeeId(),
				this.clock.today().atStartOfDay(this.clock.zone()).toInstant());
		return new Room(this.properties.refusalsPerDay() - (long) used[0],
				this.properties.previewChecksPerDay() - (long) used[1] - (long) used[2]);
	}

	/**
	 * Takes the values a preview's chunk is about to check from the caller's allowance
	 * and records them, for good (the preview itself may still fail).
	 */
	void checking(int values, Long importId, boolean allowance) {
		if (values > 0 && CurrentEmployee.find().isPresent()) {
			this.refusals.checked(values, importId, allowance);
		}
	}

	/**
	 * Records the refusal of an answer for a used-up budget, as {@link #requireRoom}
	 * does.
	 */
	void usedUp(String field, Long importId, boolean allowance) {
		this.refusals.budgetUsedUp(null, field, importId, allowance);
	}

	/** What is left of a caller's budget within one transaction. */
	static final class Room {

		private long refusals;

		private long checks;

		Room(long refusals, long checks) {
			this.refusals = refusals;
			this.checks = checks;
		}

		boolean left() {
			return this.refusals > 0 && this.checks > 0;
		}

		/** One value looked up, found or not. */
		void answered() {
			this.checks--;
		}

		/**
		 * A refusal: free only for what the caller may read (a name of a customer they
		 * see; a phone of one, which they see in full or which was taken from their
		 * reveal quota).
		 */
		void refused(boolean readable) {
			if (!readable) {
				this.refusals--;
			}
		}

	}

	/** Counts a refusal against the caller's budget, for good. */
	void refused(Long customerId, String field, long existingCustomerId, boolean visible) {
		refused(customerId, field, existingCustomerId, visible, visible && "name".equals(field), null, false);
	}

	/**
	 * As {@link #refused(Long, String, long, boolean)}, for an import's preview
	 * ({@code readable}: what the caller may read, free of the budget; {@code allowance}:
	 * taken from the import's approved allowance, not the day's budget).
	 */
	void refused(Long customerId, String field, long existingCustomerId, boolean visible, boolean readable,
			Long importId, boolean allowance) {
		if (CurrentEmployee.find().isPresent()) {
			this.refusals.refused(customerId, field, existingCustomerId, visible, readable, importId, allowance);
		}
	}

	/**
	 * Records that a preview's phones are no longer answered: the caller's daily reveal
	 * quota is used up.
	 */
	void revealQuotaUsedUp(Long importId) {
		if (CurrentEmployee.find().isPresent()) {
			this.refusals.revealQuotaUsedUp(importId);
		}
	}

}
