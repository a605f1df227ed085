package dev.holdfast.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.care.CareVisitConditions;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.followup.FollowUpConditions;

/**
 * How the key customers stand now, counted in SQL per owner: those that someone besides
 * their owner (customer service, a manager) was in contact with lately. Customers past
 * their rhythm are the follow-up module's to count ({@code OverdueCustomers}).
 */
@Component
class KeyCustomerCare {

	/** Contact by customer service, asked of care. */
	private static final String CARED = CareVisitConditions.doneSince("c.id", "since");

	/** Contact by someone besides the owner, asked of followup. */
	private static final String FOLLOWED_UP = FollowUpConditions.byOthersSince("c.id", "c.owner_id", "since", false);

	private final JdbcClient jdbc;

	KeyCustomerCare(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Key customers covered by a completed care visit or a follow-up by someone other
	 * than their owner since {@code since}, per owner.
	 */
	List<DashboardReport.CareRow> care(Set<Long> employees, List<CustomerLevel> levels, Instant since) {
		return this.jdbc.sql(careSql(employees == null))
			.param("since", Timestamp.from(since))
			.param("levels", levels.stream().map(Enum::name).toList())
			.param("employees", Ids.array(employees))
			.query((rs, row) -> new DashboardReport.CareRow(rs.getLong("owner_id"), rs.getString("display_name"),
					rs.getLong("covered"), rs.getLong("uncovered")))
			.list();
	}

	/**
	 * Key customers covered or not, per owner; only {@code :employees}' unless for
	 * everyone.
	 */
	static String careSql(boolean everyone) {
		return """
				select k.owner_id, e.display_name, count(*) filter (where k.covered) as covered,
				       count(*) filter (where not k.covered) as uncovered
				from (select c.owner_id, %2$s or %3$s as covered
				      from customer_directory c
				      where c.archived_at is null and c.level in (:levels) and %s) k
				join employee_directory e on e.id = k.owner_id
				group by k.owner_id, e.display_name order by uncovered desc, e.display_name""".formatted(
				everyone ? "c.owner_id is not null" : "c.owner_id = any(cast(:employees as bigint[]))", CARED,
				FOLLOWED_UP);
	}

}
