package dev.holdfast.organization;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Employee queries outside JPA: those that run on every authenticated request (the
 * account with its roles and permissions) or for every list (display names), each in one
 * query, and the few statements JPA has no word for (ending credentials, a lock on
 * reporting lines).
 */
@Component
class LoginAccounts {

	private static final String SELECT = """
			select e.id, e.username, e.display_name, e.password_hash, e.status, e.password_change_required,
			       greatest(e.credentials_valid_from, '1970-01-01') as credentials_valid_from,
			       array_agg(distinct r.code) as roles, array_agg(distinct p.permission) as permissions
			from employee e
			left join employee_role er on er.employee_id = e.id
			left join role r on r.id = er.role_id
			left join role_permission p on p.role_id = r.id
			""";

	private final JdbcClient jdbc;

	private final NoticePeriodPolicy noticePeriod;

	private final List<AccountSuspensions> suspensions;

	LoginAccounts(JdbcClient jdbc, NoticePeriodPolicy noticePeriod, List<AccountSuspensions> suspensions) {
		this.jdbc = jdbc;
		this.noticePeriod = noticePeriod;
		this.suspensions = suspensions;
	}

	Optional<LoginAccount> byId(long id) {
		return this.jdbc.sql(SELECT + " where e.id = ? group by e.id, e.credentials_valid_from")
			.param(id)
			.query(this::account)
			.optional();
	}

	/** By the canonical username ({@link dev.holdfast.shared.Usernames}), as stored. */
	Optional<LoginAccount> byUsername(String canonicalUsername) {
		return this.jdbc.sql(SELECT + " where e.username = ? group by e.id, e.credentials_valid_from")
			.param(canonicalUsername)
			.query(this::account)
			.optional();
	}

	/** Display names by id in one query: lists show an owner or author on every row. */
	Map<Long, String> displayNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql("select id, display_name from employee where id in (:ids)").param("ids", ids).query(rs -> {
			names.put(rs.getLong("id"), rs.getString("display_name"));
		});
		return names;
	}

	/**
	 * ACTIVE employees who hold the permission through one of their roles, optionally
	 * only in one department.
	 */
	List<Long> activeHolders(String permission, Long departmentId) {
		return this.jdbc.sql("""
				select distinct e.id from employee e
				join employee_role er on er.employee_id = e.id
				join role_permission p on p.role_id = er.role_id and p.permission = :permission
				where e.status = 'ACTIVE' and (cast(:department as bigint) is null or e.department_id = :department)
				order by e.id""")
			.param("permission", permission)
			.param("department", departmentId)
			.query(Long.class)
			.list();
	}

	/** Serialises changes of reporting lines until the transaction ends. */
	void lockReportingLines() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('holdfast.reporting-lines'))")
			.query(Object.class)
			.single();
	}

	/** Ends every session and token the employee holds now. */
	void endCredentials(long employeeId) {
		this.jdbc.sql("update employee set credentials_valid_from = now() where id = ?").param(employeeId).update();
	}

	private LoginAccount account(ResultSet rs, int row) throws SQLException {
		EmploymentStatus status = EmploymentStatus.valueOf(rs.getString("status"));
		long id = rs.getLong("id");
		Set<String> restricted = this.noticePeriod.restrictionsFor(status);
		Set<String> suspended = this.suspensions.stream()
			.flatMap(s -> s.suspendedPermissions(id).stream())
			.collect(Collectors.toUnmodifiableSet());
		Set<String> permissions = strings(rs.getArray("permissions")).stream()
			.filter(p -> !restricted.contains(p) && !suspended.contains(p))
			.collect(Collectors.toUnmodifiableSet());
		return new LoginAccount(id, rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), status, rs.getTimestamp("credentials_valid_from").toInstant(),
				strings(rs.getArray("roles")), permissions, restricted, suspended,
				rs.getBoolean("password_change_required"));
	}

	private static Set<String> strings(Array array) throws SQLException {
		if (array == null) {
			return Set.of();
		}
		return Arrays.stream((Object[]) array.getArray())
			.filter(Objects::nonNull)
			.map(Object::toString)
			.collect(Collectors.toUnmodifiableSet());
	}

}
