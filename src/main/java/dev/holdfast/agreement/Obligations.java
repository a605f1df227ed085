package dev.holdfast.agreement;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an employee still has to accept, in one indexed query, read on every gated request
 * and never cached: a version published a moment ago applies to the next request.
 */
@Component
class Obligations {

	// the latest version of every agreement one of the roles requires, unless accepted
	static final String PENDING = """
			select a.id as agreement_id, v.id as version_id, v.number, a.title_zh, a.title_en,
			       v.published_at + make_interval(days => v.grace_days) as due_at,
			       exists (select 1 from agreement_acceptance x join agreement_version pv on pv.id = x.version_id
			               where x.employee_id = :employee and pv.agreement_id = a.id and pv.number < v.number)
			           as accepted_earlier
			from agreement a
			join lateral (select * from agreement_version lv where lv.agreement_id = a.id
			              order by lv.number desc limit 1) v on true
			where a.id in (select ar.agreement_id from agreement_role ar where ar.role_code in (:roles))
			  and not exists (select 1 from agreement_acceptance x
			                  where x.employee_id = :employee and x.version_id = v.id)
			order by a.id
			""";

	private final JdbcClient jdbc;

	Obligations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Obligation> pending(long employeeId, List<String> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(PENDING)
			.param("employee", employeeId)
			.param("roles", roles)
			.query((rs, row) -> new Obligation(rs.getLong("agreement_id"), rs.getLong("version_id"),
					rs.getInt("number"), rs.getString("title_zh"), rs.getString("title_en"),
					rs.getTimestamp("due_at").toInstant(), rs.getBoolean("accepted_earlier")))
			.list();
	}

	/** Role codes of the employee, for callers outside a request (pages, tests). */
	List<String> rolesOf(long employeeId) {
		return this.jdbc.sql(
				"select r.code from role_assignment er join role_directory r on r.id = er.role_id where er.employee_id = ?")
			.param(employeeId)
			.query(String.class)
			.list();
	}

}
