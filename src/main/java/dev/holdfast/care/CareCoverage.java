package dev.holdfast.care;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.followup.FollowUpConditions;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * Care coverage for managers: the key customers who have had no company contact besides
 * their rep in N days, the customers at risk of walking out with a rep. Company contact
 * is a completed care visit or a substantive follow-up by someone other than the current
 * owner. For holders of {@code dashboard.read} or {@code care.record}, over the customers
 * they may see; one set-based query each for the counts and the list.
 */
@Service
public class CareCoverage {

	private static final int ROW_LIMIT = 500;

	private static final String CONTACTED = "(" + CareVisitConditions.doneSince("c.id", "since") + " or "
			+ FollowUpConditions.byOthersSince("c.id", "c.owner_id", "since", true) + ")";

	private final JdbcClient jdbc;

	private final VisibleCustomers visible;

	private final OrganizationManagement organization;

	private final CareProperties properties;

	private final CustomerReads reads;

	private final HoldfastClock clock;

	CareCoverage(JdbcClient jdbc, VisibleCustomers visible, OrganizationManagement organization,
			CareProperties properties, CustomerReads reads, HoldfastClock clock) {
		this.reads = reads;
		this.jdbc = jdbc;
		this.visible = visible;
		this.organization = organization;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The uncovered key customers (at most 500) with the counts; {@code departmentId}
	 * (optional) keeps those whose owner works in that department or below, {@code days}
	 * defaults to {@code holdfast.care.coverage-days}.
	 */
	@Transactional(readOnly = true)
	public CoverageReport uncovered(Long departmentId, Integer days) {
		CoverageReport report = report(departmentId, days, ROW_LIMIT);
		this.reads.rows(report.customers().size());
		return report;
	}

	/** The counts only, e.g. for the dashboard. */
	@Transactional(readOnly = true)
	public CoverageReport summary(Long departmentId, Integer days) {
		return report(departmentId, days, 0);
	}

	private CoverageReport report(Long departmentId, Integer days, int limit) {
		if (!Permission.DASHBOARD_READ.isHeld()) {
			Permission.CARE_RECORD.require();
		}
		int n = days == null ? this.properties.coverageDays() : days;
		if (n < 1 || n > 3650) {
			throw new InvalidInputException("days", "between 1 and 3650");
		}
		Set<String> levels = new TreeSet<>(this.properties.coverageLevels());
		KeyCustomerSql key = KeyCustomerSql.of(levels, departmentId, this.visible.forCaller("c"));
		Map<String, Object> params = new HashMap<>(key.params());
		params.put("since", Timestamp.from(this.clock.now().minus(Duration.ofDays(n))));
		long[] counts = this.jdbc
			.sql(key.with() + "select count(*), count(*) filter (where not " + CONTACTED
					+ ") from customer_directory c where " + key.where())
			.params(params)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		List<CoverageReport.Row> rows = limit == 0 ? List.of() : rows(key, params, limit);
		return new CoverageReport(n, levels, departmentId, counts[0], counts[1], rows);
	}

	private List<CoverageReport.Row> rows(KeyCustomerSql key, Map<String, Object> params, int limit) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("limit", limit);
		List<CoverageReport.Row> rows = this.jdbc
			.sql(key.with()
					+ """
							select * from (
							select c.id, c.name, c.level, c.owner_id,
							       %s as last_care,
							       %s as last_other
							from customer_directory c where\s""".formatted(CareVisitConditions.lastDone("c.id"),
							FollowUpConditions.lastSubstantiveByOthers("c.id", "c.owner_id"))
					+ key.where() + " and not " + CONTACTED + """
							) x
							order by greatest(x.last_care, x.last_other) asc nulls first, x.level, x.id limit :limit""")
			.params(all)
			.query((rs, row) -> new CoverageReport.Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					null, instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
			.list();
		Map<Long, String> names = this.organization
			.displayNames(rows.stream().map(CoverageReport.Row::ownerId).distinct().toList());
		return rows.stream()
			.map(r -> new CoverageReport.Row(r.customerId(), r.name(), r.level(), r.ownerId(), names.get(r.ownerId()),
					r.lastCareVisitAt(), r.lastOtherContactAt()))
			.toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
