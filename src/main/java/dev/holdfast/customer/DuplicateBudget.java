package dev.holdfast.customer;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.TooManyRequestsException;

/**
 * The caller's daily budget of duplicate-check answers on phone numbers and e-mail
 * addresses ({@link DuplicateProperties}), counted in the audit trail since the start of
 * the company's day: {@code DUPLICATE_REFUSED} events, and contact events that set or
 * changed a phone or e-mail ({@code changed} in their facts). A caller's checks queue on
 * a lock until commit, so concurrent requests can't both take the last answer. Work
 * without a caller, or the application seeding the demo company, has no budget; nor has
 * someone whose data scope covers every customer (an administrator): every answer names
 * the existing customer to them, so the check tells them nothing they can't read.
 */
@Component
class DuplicateBudget {

	private final JdbcClient jdbc;

	private final DuplicateProperties properties;

	private final HoldfastClock clock;

	private final DuplicateRefusals refusals;

	private final DataScopes scopes;

	DuplicateBudget(JdbcClient jdbc, DuplicateProperties properties, DuplicateRefusals refusals, DataScopes scopes,
			HoldfastClock clock) {
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
		Map<String, Object> used = this.jdbc.sql("""
				select count(*) filter (where action = 'DUPLICATE_REFUSED') as refused,
				       count(*) filter (where action = 'DUPLICATE_REFUSED'
				           or jsonb_array_length(coalesce(details::jsonb -> 'changed', '[]'::jsonb)) > 0) as checked
				from audit_event
				where actor_id = :me and occurred_at >= :since
				  and action in ('DUPLICATE_REFUSED', 'CONTACT_CREATED', 'CONTACT_UPDATED', 'CONTACT_RESTORED')""")
			.param("me", caller.employeeId())
			.param("since", Timestamp.from(today.atStartOfDay(this.clock.zone()).toInstant()))
			.query()
			.singleRow();
		if (((Number) used.get("refused")).longValue() < this.properties.refusalsPerDay()
				&& ((Number) used.get("checked")).longValue() < this.properties.checksPerDay()) {
			return;
		}
		this.refusals.budgetUsedUp(customerId, field);
		Instant renewal = today.plusDays(1).atStartOfDay(this.clock.zone()).toInstant();
		throw new TooManyRequestsException(
				"the daily budget of duplicate checks on phone numbers and e-mail addresses is used up; it renews at midnight",
				Duration.between(this.clock.now(), renewal));
	}

	/** Counts a refusal against the caller's budget, for good. */
	void refused(Long customerId, String field, long existingCustomerId, boolean visible) {
		if (CurrentEmployee.find().isPresent()) {
			this.refusals.refused(customerId, field, existingCustomerId, visible);
		}
	}

}
