package dev.holdfast.customer.masking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.masking.RevealForm.SensitiveField;
import dev.holdfast.shared.HoldfastClock;

/**
 * The daily reveal quota of an employee: the largest of their roles' quotas (a role
 * without one has the configured default), counted in the {@code contact_reveal} ledger
 * since the start of the company's day.
 */
@Component
class RevealQuota {

	private final JdbcClient jdbc;

	private final RevealProperties properties;

	private final HoldfastClock clock;

	private final RefusedReveals refused;

	RevealQuota(JdbcClient jdbc, RevealProperties properties, RefusedReveals refused, HoldfastClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.properties = properties;
		this.refused = refused;
	}

	/**
	 * Takes one reveal from today's quota and answers how many are left, or refuses (429)
	 * when none is. Concurrent reveals of one employee queue on a lock until commit, so
	 * two requests can't both take the last one.
	 */
	int take(long employeeId, long contactId, SensitiveField field) {
		return take(employeeId, "contact", contactId, field);
	}

	/** The same for the address of a customer: one quota for every reveal. */
	int takeForCustomer(long employeeId, long customerId, SensitiveField field) {
		return take(employeeId, "customer", customerId, field);
	}

	private int take(long employeeId, String targetType, long targetId, SensitiveField field) {
		int remaining = reserve(employeeId);
		if (remaining <= 0) {
			this.refused.quotaUsedUp(targetType, targetId, field);
			throw new RevealQuotaExceededException();
		}
		boolean contact = "contact".equals(targetType);
		this.jdbc.sql("insert into contact_reveal (employee_id, contact_id, customer_id, field) values (?, ?, ?, ?)")
			.params(employeeId, contact ? targetId : null, contact ? null : targetId, field.name())
			.update();
		return remaining - 1;
	}

	/**
	 * Takes the lock of the employee's reveals, held until the transaction ends, and
	 * answers how many are left today.
	 */
	int reserve(long employeeId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('contact_reveal:' || ?))")
			.param(employeeId)
			.query(Object.class)
			.single();
		return remaining(employeeId);
	}

	int remaining(long employeeId) {
		Instant startOfDay = this.clock.today().atStartOfDay(this.clock.zone()).toInstant();
		Integer quota = this.jdbc.sql("""
				select max(coalesce(q.daily_quota, :default)) from role_assignment er
				left join role_reveal_quota q on q.role_id = er.role_id where er.employee_id = :me""")
			.param("default", this.properties.dailyQuota())
			.param("me", employeeId)
			.query(Integer.class)
			.optional()
			.orElse(null);
		long used = this.jdbc.sql("select count(*) from contact_reveal where employee_id = ? and revealed_at >= ?")
			.params(employeeId, Timestamp.from(startOfDay))
			.query(Long.class)
			.single();
		return (int) Math.max(0, (quota == null ? 0 : quota) - used);
	}

}
