package dev.holdfast.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Team members of customers. Removing one ends the membership (removed_at) rather than
 * deleting it, so who was on a team when stays true.
 */
@Component
class TeamMembers {

	private final JdbcClient jdbc;

	TeamMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Member(long employeeId, MemberAccess access, Instant expiresAt, Instant addedAt) {
	}

	List<Member> of(long customerId) {
		return this.jdbc.sql("""
				select employee_id, access, expires_at, added_at from customer_member
				where customer_id = ? and removed_at is null and (expires_at is null or expires_at > now())
				order by added_at""")
			.param(customerId)
			.query((rs, row) -> new Member(rs.getLong("employee_id"), MemberAccess.valueOf(rs.getString("access")),
					rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	Optional<Member> find(long customerId, long employeeId) {
		return of(customerId).stream().filter(m -> m.employeeId() == employeeId).findFirst();
	}

	/**
	 * Adds the member, or ends the current membership and starts one with the new access.
	 */
	void put(long customerId, long employeeId, MemberForm form, long by) {
		remove(customerId, employeeId, by);
		this.jdbc.sql("""
				insert into customer_member (customer_id, employee_id, access, expires_at, added_by)
				values (?, ?, ?, ?, ?)""")
			.params(customerId, employeeId, form.access().name(),
					form.expiresAt() == null ? null : Timestamp.from(form.expiresAt()), by)
			.update();
	}

	boolean remove(long customerId, long employeeId, long by) {
		return this.jdbc.sql("""
				update customer_member set removed_at = now(), removed_by = ?
				where customer_id = ? and employee_id = ? and removed_at is null""")
			.params(by, customerId, employeeId)
			.update() > 0;
	}

}
