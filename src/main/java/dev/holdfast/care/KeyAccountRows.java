package dev.holdfast.care;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds key customers short of people in one query: per customer the owner plus its
 * active (employee ACTIVE, membership neither ended nor expired) team members.
 */
@Component
class KeyAccountRows {

	private final JdbcClient jdbc;

	KeyAccountRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Violations among the key customers the SQL selects, by customer id. */
	List<KeyAccountViolation> violations(KeyCustomerSql key, int minPeople, Long onlyCustomer, int limit) {
		Map<String, Object> params = new HashMap<>(key.params());
		params.put("min", minPeople);
		params.put("limit", limit);
		String where = key.where();
		if (onlyCustomer != null) {
			where += " and c.id = :only";
			params.put("only", onlyCustomer);
		}
		return this.jdbc
			.sql(key.with()
					+ """
							select * from (
							  select c.id, c.name, c.level, c.owner_id,
							         case when m.status = 'ACTIVE' then o.manager_id end as manager_id,
							         1 + (select count(*) from customer_team cm join employee_directory e on e.id = cm.employee_id
							              where cm.customer_id = c.id and cm.employee_id <> c.owner_id and e.status = 'ACTIVE'
							                and (cm.expires_at is null or cm.expires_at > now())) as people
							  from customer_directory c join employee_directory o on o.id = c.owner_id left join employee_directory m on m.id = o.manager_id
							  where\s"""
					+ where + """
							) x where x.people < :min order by x.id limit :limit""")
			.params(params)
			.query((rs, row) -> new KeyAccountViolation(rs.getLong("id"), rs.getString("name"), rs.getString("level"),
					rs.getLong("owner_id"), null, rs.getInt("people"), minPeople,
					rs.getObject("manager_id", Long.class), null))
			.list();
	}

}
