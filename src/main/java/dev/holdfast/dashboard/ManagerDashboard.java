package dev.holdfast.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.VisibleCustomers.Owners;
import dev.holdfast.followup.OverdueCustomers;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * The manager dashboard (a report): aggregates in SQL over the employees the caller's
 * data scope covers, optionally narrowed to a department tree, for a period of weeks.
 */
@Service
public class ManagerDashboard {

	private final DashboardScope scope;

	private final ActivityCounts activity;

	private final KeyCustomerCare care;

	private final OverdueCustomers overdue;

	private final DashboardProperties properties;

	private final HoldfastClock clock;

	ManagerDashboard(DashboardScope scope, ActivityCounts activity, KeyCustomerCare care, OverdueCustomers overdue,
			DashboardProperties properties, HoldfastClock clock) {
		this.scope = scope;
		this.activity = activity;
		this.care = care;
		this.overdue = overdue;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The report; {@code from} and {@code to} default to the last
	 * {@code holdfast.dashboard.default-weeks} weeks up to today.
	 */
	@Transactional(readOnly = true)
	public DashboardReport report(Long departmentId, LocalDate from, LocalDate to) {
		Permission.DASHBOARD_READ.require();
		Period period = period(from, to);
		Instant now = this.clock.now();
		Set<Long> employees = this.scope.employees(departmentId);
		List<DashboardReport.CareRow> care = this.care.care(employees, this.properties.keyLevels(),
				now.minus(this.properties.careWindow()));
		DashboardReport.CareCoverage coverage = new DashboardReport.CareCoverage(this.properties.careWindow().toDays(),
				this.properties.keyLevels().stream().map(Enum::name).toList(),
				care.stream().mapToLong(DashboardReport.CareRow::covered).sum(),
				care.stream().mapToLong(DashboardReport.CareRow::uncovered).sum(), care);
		return new DashboardReport(period.from(), period.to(), departmentId, period.weeks(),
				this.activity.followUps(employees, period), this.activity.pool(employees, period),
				overdue(employees, now), coverage);
	}

	/** The follow-up module's overdue customers of the employees ({@code null}: all). */
	private List<DashboardReport.Overdue> overdue(Set<Long> employees, Instant now) {
		Owners owners = employees == null ? Owners.everyone() : Owners.of(employees);
		return this.overdue.byOwner(owners, now)
			.stream()
			.map(o -> new DashboardReport.Overdue(o.ownerId(), o.ownerName(),
					o.byLevel()
						.entrySet()
						.stream()
						.collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a,
								TreeMap::new)),
					o.total()))
			.toList();
	}

	@Transactional(readOnly = true)
	List<DepartmentOption> departments() {
		Permission.DASHBOARD_READ.require();
		return this.scope.departments();
	}

	private Period period(LocalDate from, LocalDate to) {
		LocalDate end = to != null ? to : this.clock.today();
		LocalDate start = from != null ? from : end.minusWeeks(this.properties.defaultWeeks()).plusDays(1);
		if (start.isAfter(end)) {
			throw new InvalidInputException("from", "must not be after to");
		}
		if (ChronoUnit.WEEKS.between(start, end) >= this.properties.maxWeeks()) {
			throw new InvalidInputException("from", "at most " + this.properties.maxWeeks() + " weeks");
		}
		return new Period(start, end, this.clock.zone());
	}

}
