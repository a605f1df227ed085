package dev.holdfast.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * Which customers are due a follow-up: one customer's rhythm, an employee's reminders for
 * today (their own customers by rhythm and their own open next-contact dates), and a
 * manager's overdue list of the team they see. Never lists a customer the viewer may not
 * see.
 */
@Service
public class Reminders {

	private final ReminderQueries queries;

	private final FollowUpRhythm rhythm;

	private final CustomerVisibility visibility;

	private final DataScopes scopes;

	private final OrganizationManagement organization;

	private final ReminderProperties properties;

	private final CustomerReads reads;

	Reminders(ReminderQueries queries, FollowUpRhythm rhythm, CustomerVisibility visibility, DataScopes scopes,
			OrganizationManagement organization, ReminderProperties properties, CustomerReads reads) {
		this.reads = reads;
		this.queries = queries;
		this.rhythm = rhythm;
		this.visibility = visibility;
		this.scopes = scopes;
		this.organization = organization;
		this.properties = properties;
	}

	/** When the customer is due; 404 if the caller may not see it. */
	@Transactional(readOnly = true)
	public CustomerRhythm rhythmOf(long customerId, Instant now) {
		this.visibility.requireVisible(customerId);
		this.reads.customer(customerId);
		ReminderQueries.RhythmRow row = this.queries.rhythmOf(customerId)
			.orElseThrow(() -> new NotFoundException("customer"));
		Instant due = this.rhythm.dueAt(row.level(), row.lastFollowedUpAt(), row.since()).orElse(null);
		return new CustomerRhythm(customerId, row.level(), row.since(), row.lastFollowedUpAt(), due,
				due != null && due.isBefore(now));
	}

	/** The caller's reminders for the day of {@code now}. */
	@Transactional(readOnly = true)
	public MyReminders mine(Instant now) {
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
		Instant until = endOfDay(now);
		OwnerScope self = new OwnerScope(false, java.util.Set.of(employeeId));
		return new MyReminders(this.queries.due(self, now, until, this.properties.maxRows()), this.queries
			.nextContacts(employeeId, this.scopes.ownerScopeOf(employeeId), now, until, this.properties.maxRows()));
	}

	/**
	 * The overdue customers of the team the caller sees through their data scope, by
	 * owner; for holders of {@code dashboard.read} or of a scope wider than themselves.
	 */
	@Transactional(readOnly = true)
	public List<TeamOverdue> team(Instant now) {
		long me = CurrentEmployee.id();
		OwnerScope scope = this.scopes.ownerScopeOf(me);
		if (!Permission.DASHBOARD_READ.isHeld() && !scope.all() && scope.ownerIds().size() <= 1) {
			throw new ForbiddenException("the team list is for managers");
		}
		List<TeamOverdue> team = teamOf(scope, now);
		this.reads.rows(team.stream().mapToInt(t -> t.customers().size()).sum());
		return team;
	}

	/** The overdue customers of the owners in the scope, grouped by owner. */
	@Transactional(readOnly = true)
	public List<TeamOverdue> teamOf(OwnerScope scope, Instant now) {
		Map<Long, List<RhythmReminder>> byOwner = new LinkedHashMap<>();
		for (RhythmReminder due : this.queries.due(scope, now, now, this.properties.maxRows() * 5)) {
			byOwner.computeIfAbsent(due.ownerId(), id -> new ArrayList<>()).add(due);
		}
		Map<Long, String> names = this.organization.displayNames(byOwner.keySet());
		return byOwner.entrySet()
			.stream()
			.map(e -> new TeamOverdue(e.getKey(), names.get(e.getKey()), List.copyOf(e.getValue())))
			.sorted(java.util.Comparator.comparing((TeamOverdue t) -> -t.customers().size()))
			.toList();
	}

	/** Follow-ups each employee recorded since the instant. */
	@Transactional(readOnly = true)
	public Map<Long, Long> followUpsSince(java.util.Collection<Long> employees, Instant since) {
		return this.queries.followUpsSince(employees, since);
	}

	private Instant endOfDay(Instant now) {
		LocalDate today = now.atZone(this.properties.zone()).toLocalDate();
		return today.plusDays(1).atStartOfDay(this.properties.zone()).toInstant();
	}

}
