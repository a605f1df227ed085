package dev.holdfast.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;
import dev.holdfast.notification.ScheduledJobs;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Permission;

/**
 * The daily digest of each rep (their customers due or overdue by rhythm and their open
 * next-contact dates, counted as their reminders page counts them) and the weekly summary
 * of each manager's team (counted as their team list counts them), as notifications (and
 * e-mails when mail is configured). Each runs once per day across all instances
 * ({@link ScheduledJobs}' row of the day). Digests carry counts and a link, never
 * customer names, so that no customer list leaves by e-mail.
 */
@Service
class FollowUpDigests {

	static final String DAILY = "daily-digest";

	static final String WEEKLY = "weekly-summary";

	private final Reminders reminders;

	private final Notifications notifications;

	private final ScheduledJobs jobs;

	private final OrganizationManagement organization;

	private final VisibleCustomers visible;

	private final ReminderProperties properties;

	private final HoldfastClock clock;

	FollowUpDigests(Reminders reminders, Notifications notifications, ScheduledJobs jobs,
			OrganizationManagement organization, VisibleCustomers visible, ReminderProperties properties,
			HoldfastClock clock) {
		this.clock = clock;
		this.reminders = reminders;
		this.notifications = notifications;
		this.jobs = jobs;
		this.organization = organization;
		this.visible = visible;
		this.properties = properties;
	}

	/** Sends the day's digests if it is time and nobody sent them; returns how many. */
	@Transactional
	public int dailyAt(Instant now) {
		ZonedDateTime local = now.atZone(this.clock.zone());
		LocalDate day = local.toLocalDate();
		if (local.toLocalTime().isBefore(this.properties.digestAt()) || !this.jobs.claim(DAILY, day, now)) {
			return 0;
		}
		int sent = 0;
		for (long rep : this.organization.activeHolders(Permission.FOLLOWUP_CREATE, null)) {
			NotificationText body = digestOf(rep, now);
			if (body != null) {
				this.notifications.send(rep, "FOLLOW_UP_DIGEST", NotificationText.of("rhythm.digest.title", day), body,
						"/reminders");
				sent++;
			}
		}
		this.jobs.sent(DAILY, day, sent);
		return sent;
	}

	/** On the summary day, sends each manager their team's week; returns how many. */
	@Transactional
	public int weeklyAt(Instant now) {
		ZonedDateTime local = now.atZone(this.clock.zone());
		LocalDate day = local.toLocalDate();
		if (local.getDayOfWeek() != this.properties.summaryDay()
				|| local.toLocalTime().isBefore(this.properties.digestAt()) || !this.jobs.claim(WEEKLY, day, now)) {
			return 0;
		}
		int sent = 0;
		for (long manager : this.organization.activeHolders(Permission.DASHBOARD_READ, null)) {
			this.notifications.send(manager, "TEAM_SUMMARY", NotificationText.of("rhythm.summary.title", day),
					summaryOf(manager, now), "/reminders");
			sent++;
		}
		this.jobs.sent(WEEKLY, day, sent);
		return sent;
	}

	/**
	 * The rep's digest at {@code now}: overdue customers, customers due later today and
	 * promised contacts, the counts of their reminders page, and when the first promise
	 * was due (in the company's zone); null when there is nothing.
	 */
	NotificationText digestOf(long rep, Instant now) {
		MyReminders due = this.reminders.of(rep, now);
		if (due.isEmpty()) {
			return null;
		}
		return due.nextContacts()
			.stream()
			.map(NextContactReminder::nextContactAt)
			.min(Comparator.naturalOrder())
			.map(first -> NotificationText.of("rhythm.digest.bodyNext", due.overdue(), due.dueToday(),
					due.nextContacts().size(), this.clock.dateTime(first)))
			.orElseGet(() -> NotificationText.of("rhythm.digest.body", due.overdue(), due.dueToday(), 0));
	}

	/**
	 * The manager's weekly summary at {@code now}: their team's overdue customers (as
	 * their team list counts them) and follow-ups of the last seven days, in all and per
	 * rep with overdue customers.
	 */
	NotificationText summaryOf(long manager, Instant now) {
		List<TeamOverdue> team = this.reminders.teamOf(this.visible.ownersOf(manager), now);
		Map<Long, Long> followUps = this.reminders.followUpsSince(
				team.stream().map(TeamOverdue::ownerId).collect(Collectors.toSet()), now.minus(Duration.ofDays(7)));
		String perRep = team.stream()
			.map(t -> t.ownerName() + " " + t.overdue() + "/" + followUps.getOrDefault(t.ownerId(), 0L))
			.collect(Collectors.joining("; "));
		return NotificationText.of("rhythm.summary.body", team.stream().mapToLong(TeamOverdue::overdue).sum(),
				followUps.values().stream().mapToLong(Long::longValue).sum(), perRep.isEmpty() ? "-" : perRep);
	}

}
