package dev.holdfast.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.customer.VisibleCustomers.Owners;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Permission;

/**
 * Which customers are due a follow-up: one customer's rhythm, an employee's reminders for
 * today (their own customers by rhythm and their own open next-contact dates), and a
 * manager's overdue list of the team they see, all by the one rule of
 * {@link OverdueCustomers}. Never lists a customer the viewer may not see.
 */
@Service
public class Reminders {

	private final ReminderQueries queries;

	private final OverdueCustomers overdue;

	private final CustomerVisibility visibility;

	private final VisibleCustomers visible;

	private final ReminderProperties properties;

	private final HoldfastClock clock;

	private final CustomerReads reads;

	Reminders(ReminderQueries queries, OverdueCustomers overdue, CustomerVisibility visibility,
			VisibleCustomers visible, ReminderProperties properties, CustomerReads reads, HoldfastClock clock) {
		this.clock = clock;
		this.reads = reads;
		this.queries = queries;
		this.overdue = overdue;
		this.visibility = visibility;
		this.visible = visible;
		this.properties = properties;
	}

	/** When the customer is due; 404 if the caller may not see it. */
	@Transactional(readOnly = true)
	public CustomerRhythm rhythmOf(long customerId, Instant now) {
		this.visibility.requireVisible(customerId);
		this.reads.customer(customerId);
		return this.overdue.rhythmOf(customerId, now);
	}

	/**
	 * The caller's reminders for the day of {@code now}; 403 for whoever may not record
	 * follow-ups (HR, auditors), whose work is elsewhere.
	 */
	@Transactional(readOnly = true)
	public MyReminders mine(Instant now) {
		if (!Permission.FOLLOWUP_CREATE.isHeld()) {
			// HR, auditors: they follow no customer up, so the list would only ever be
			// empty
			throw new ForbiddenException("reminders are for those who follow customers up", "error.noCustomerWork");
		}
		MyReminders mine = of(CurrentEmployee.id(), now);
		this.reads.rows(mine.rhythm().size() + mine.nextContacts().size());
		return mine;
	}

	/**
	 * The employee's reminders for the day of {@code now}: only customers they own, and
	 * next contacts on customers they still see. For the caller or a scheduled digest.
	 */
	@Transactional(readOnly = true)
	public MyReminders of(long employeeId, Instant now) {
		Owners self = Owners.of(Set.of(employeeId));
		return new MyReminders(this.overdue.count(self, now),
				this.overdue.dueBefore(self, now, endOfDay(now), this.properties.maxRows()),
				this.queries.nextContacts(employeeId, this.visible.forEmployee(employeeId, "c"), now, endOfDay(now),
						this.properties.maxRows()));
	}

	/**
	 * The overdue customers of the team the caller sees through their data scope, by
	 * owner; for holders of {@code dashboard.read} or of a scope wider than themselves.
	 */
	@Transactional(readOnly = true)
	public List<TeamOverdue> team(Instant now) {
		return teamIfAny(now).orElseThrow(() -> new ForbiddenException("the team list is for managers"));
	}

	/**
	 * The caller's team as {@link #team}, or empty for whoever has no team list (a rep),
	 * for a page that shows it only then.
	 */
	@Transactional(readOnly = true)
	public Optional<List<TeamOverdue>> teamIfAny(Instant now) {
		return teamScope().map(scope -> {
			List<TeamOverdue> team = teamOf(scope, now);
			this.reads.rows(team.stream().mapToInt(t -> t.customers().size()).sum());
			return team;
		});
	}

	/**
	 * How many customers of the caller's team are overdue, by the same rule and scope as
	 * {@link #team}: for the home page of a manager, whose own list counts only their own
	 * customers. Empty for whoever has no team list.
	 */
	@Transactional(readOnly = true)
	public OptionalLong teamOverdueCount(Instant now) {
		return teamScope().map(scope -> OptionalLong.of(this.overdue.count(scope, now))).orElse(OptionalLong.empty());
	}

	/**
	 * The caller's team, for holders of {@code dashboard.read} or of a scope wider than
	 * themselves; empty for everyone else.
	 */
	private Optional<Owners> teamScope() {
		Owners scope = this.visible.ownersOfCaller();
		boolean team = Permission.DASHBOARD_READ.isHeld() || scope.all() || scope.ids().size() > 1;
		return team ? Optional.of(scope) : Optional.empty();
	}

	/**
	 * The overdue customers of the owners in the scope, by owner, most first: each
	 * owner's count, and the earliest due of their customers as far as the list goes.
	 */
	@Transactional(readOnly = true)
	public List<TeamOverdue> teamOf(Owners scope, Instant now) {
		Map<Long, List<RhythmReminder>> listed = this.overdue.dueBefore(scope, now, now, this.properties.maxRows() * 5)
			.stream()
			.collect(Collectors.groupingBy(RhythmReminder::ownerId));
		return this.overdue.byOwner(scope, now)
			.stream()
			.map(o -> new TeamOverdue(o.ownerId(), o.ownerName(), o.total(),
					listed.getOrDefault(o.ownerId(), List.of())))
			.toList();
	}

	/** Follow-ups each employee recorded since the instant. */
	@Transactional(readOnly = true)
	public Map<Long, Long> followUpsSince(java.util.Collection<Long> employees, Instant since) {
		return this.queries.followUpsSince(employees, since);
	}

	private Instant endOfDay(Instant now) {
		LocalDate today = now.atZone(this.clock.zone()).toLocalDate();
		return today.plusDays(1).atStartOfDay(this.clock.zone()).toInstant();
	}

}
