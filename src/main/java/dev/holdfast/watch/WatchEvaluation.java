package dev.holdfast.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.agreement.AgreementTerm;
import dev.holdfast.agreement.AgreementTerms;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.care.CareSignals;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.customer.FormerCustomers;
import dev.holdfast.customer.FormerCustomers.CustomerState;
import dev.holdfast.followup.FollowUpQueries;
import dev.holdfast.followup.FollowUpRhythm;
import dev.holdfast.notification.NotificationText;
import dev.holdfast.notification.Notifications;
import dev.holdfast.offboarding.DepartedEmployees;
import dev.holdfast.offboarding.Departure;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.risk.PostDepartureAlerts;
import dev.holdfast.shared.HoldfastClock;

/**
 * The watch's work at an instant (the job's, and the tests' with their own clock): starts
 * the watch of everyone who departed, ends those whose term is over (audited; nothing is
 * recorded about them afterwards), records each active watch's new signals once (a
 * signal's kind and source are unique), raises a risk alert when signals cluster and
 * sends the manager last month's digest once a month.
 */
@Component
class WatchEvaluation {

	static final String DIGEST = "DEPARTURE_WATCH_DIGEST";

	private static final Logger log = LoggerFactory.getLogger(WatchEvaluation.class);

	private final Watches watches;

	private final DepartedEmployees departed;

	private final AgreementTerms terms;

	private final FormerCustomers customers;

	private final CareSignals care;

	private final FollowUpQueries followUps;

	private final FollowUpRhythm rhythm;

	private final PostDepartureAlerts alerts;

	private final Notifications notifications;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final WatchProperties properties;

	private final HoldfastClock clock;

	WatchEvaluation(Watches watches, DepartedEmployees departed, AgreementTerms terms, FormerCustomers customers,
			CareSignals care, FollowUpQueries followUps, FollowUpRhythm rhythm, PostDepartureAlerts alerts,
			Notifications notifications, OrganizationManagement organization, AuditTrail audit,
			WatchProperties properties, HoldfastClock clock) {
		this.watches = watches;
		this.departed = departed;
		this.terms = terms;
		this.customers = customers;
		this.care = care;
		this.followUps = followUps;
		this.rhythm = rhythm;
		this.alerts = alerts;
		this.notifications = notifications;
		this.organization = organization;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** Everything due at the instant; returns how many signals were new. */
	@Transactional
	public int runAt(Instant now) {
		return run(now, null);
	}

	/**
	 * What is due at the instant for one former employee alone (a test's run, which
	 * leaves the other watches of a shared database alone).
	 */
	@Transactional
	public int runFor(long employeeId, Instant now) {
		return run(now, employeeId);
	}

	private int run(Instant now, Long only) {
		for (Departure departure : this.departed.departedBy(now)) {
			if ((only == null || only == departure.employeeId()) && !this.watches.exists(departure.employeeId())) {
				start(departure);
			}
		}
		int recorded = 0;
		for (Watch watch : this.watches.lockActive()) {
			if (only != null && only != watch.employeeId()) {
				continue;
			}
			if (!now.isBefore(end(watch))) {
				finish(watch, now);
				continue;
			}
			recorded += evaluate(watch, now);
			cluster(watch, now);
			digest(watch, now);
		}
		return recorded;
	}

	/** Starts the former employee's watch unless it exists (the listener's, too). */
	@Transactional
	public void start(Departure departure) {
		LocalDate departedOn = this.clock.dayOf(departure.departedAt());
		LocalDate lastDay = departure.lastWorkingDay().isAfter(departedOn) ? departedOn : departure.lastWorkingDay();
		LocalDate endsOn = this.terms.inForce(departure.employeeId(), lastDay)
			.stream()
			.map(AgreementTerm::confidentialityEndsOn)
			.max(Comparator.naturalOrder())
			.orElse(lastDay.plusMonths(this.properties.defaultTermMonths()));
		Set<Long> owned = this.customers.ownedSince(departure.employeeId(),
				this.clock.startOf(lastDay.minusMonths(this.properties.lookbackMonths())));
		if (this.watches.start(departure.employeeId(), departure.caseId(), departure.managerId(), lastDay, endsOn,
				departure.departedAt(), owned)) {
			this.audit.record(AuditAction.DEPARTURE_WATCH_STARTED, "employee", departure.employeeId(), Map
				.of("lastWorkingDay", lastDay.toString(), "endsOn", endsOn.toString(), "customers", owned.size()));
		}
	}

	/** The end of the watch: the end of the term's last day. */
	Instant end(Watch watch) {
		return this.clock.endOf(watch.endsOn());
	}

	private void finish(Watch watch, Instant now) {
		this.watches.end(watch.employeeId(), now);
		this.audit.record(AuditAction.DEPARTURE_WATCH_ENDED, "employee", watch.employeeId(),
				Map.of("endsOn", watch.endsOn().toString(), "signals", this.watches.signalCount(watch.employeeId())));
		log.info("Post-departure watch of employee {} ended with its term on {}", watch.employeeId(), watch.endsOn());
	}

	private int evaluate(Watch watch, Instant now) {
		long employee = watch.employeeId();
		List<Long> ids = this.watches.customers(employee);
		Instant since = watch.startedAt();
		Instant until = now;
		Recorder recorder = new Recorder(employee, since, until, now);
		Map<Long, Instant> lastFollowUps = this.followUps.lastSubstantive(ids);
		for (CustomerState state : this.customers.states(ids)) {
			long id = state.customerId();
			if (state.archivedAt() != null) {
				recorder.record(id, SignalKind.ARCHIVED, "archived:" + id + ":" + state.archivedAt().toEpochMilli(),
						state.archivedAt(), null);
			}
			else {
				silence(recorder, state, lastFollowUps.get(id), since, now);
			}
			if (state.status() == CustomerStatus.LOST && state.statusChangedAt() != null) {
				recorder.record(id, SignalKind.LOST, "lost:" + id + ":" + state.statusChangedAt().toEpochMilli(),
						state.statusChangedAt(), null);
			}
		}
		for (CareSignals.ComplaintFact complaint : this.care.complaints(ids, since)) {
			recorder.record(complaint.customerId(), SignalKind.COMPLAINT, "complaint:" + complaint.complaintId(),
					complaint.openedAt(), complaint.severity());
		}
		for (CareSignals.VisitFact visit : this.care.troubledVisits(ids, since, this.properties.lowSatisfaction())) {
			recorder.record(visit.customerId(),
					visit.reached() ? SignalKind.LOW_SATISFACTION : SignalKind.CARE_UNREACHED,
					"visit:" + visit.visitId(), visit.completedAt(),
					visit.satisfaction() == null ? null : visit.satisfaction() + "/5");
		}
		for (FormerCustomers.ContactAtDomain contact : this.customers.emailsAt(ids, since,
				this.properties.leaverDomains())) {
			recorder.record(contact.customerId(), SignalKind.CONTACT_DOMAIN,
					"contact:" + contact.contactId() + ":" + contact.domain(), contact.changedAt(), contact.domain());
		}
		return recorder.count;
	}

	/**
	 * No substantive follow-up by anyone for twice the level's rhythm, counted from the
	 * latest one or the departure, whichever is later; one signal per silence.
	 */
	private void silence(Recorder recorder, CustomerState state, Instant last, Instant since, Instant now) {
		if (state.level() == null) {
			return;
		}
		this.rhythm.interval(state.level()).ifPresent(interval -> {
			Instant from = last == null || last.isBefore(since) ? since : last;
			Instant due = from.plus(interval.multipliedBy(2));
			if (!now.isBefore(due)) {
				recorder.record(state.customerId(), SignalKind.NO_FOLLOW_UP,
						"silent:" + state.customerId() + ":" + from.toEpochMilli(), due,
						String.valueOf(interval.multipliedBy(2).toDays()));
			}
		});
	}

	private void cluster(Watch watch, Instant now) {
		Duration window = Duration.ofDays(this.properties.clusterDays());
		int customers = this.watches.customersWithSignals(watch.employeeId(), now.minus(window), now.plusSeconds(1));
		if (customers < this.properties.clusterCustomers()) {
			return;
		}
		if (watch.lastAlertAt() != null && now.isBefore(watch.lastAlertAt().plus(window))) {
			return;
		}
		this.alerts.raise(watch.employeeId(), customers, this.properties.clusterCustomers(),
				this.properties.clusterDays(), now);
		this.watches.alerted(watch.employeeId(), now);
	}

	/**
	 * Last month's digest to the manager who ran the case, once a month, from the first
	 * whole month of the watch on; a manager who left gets none.
	 */
	private void digest(Watch watch, Instant now) {
		YearMonth month = YearMonth.from(this.clock.dayOf(now));
		Instant monthStart = this.clock.startOf(month.atDay(1));
		Instant previousStart = this.clock.startOf(month.minusMonths(1).atDay(1));
		if (watch.managerId() == null || watch.startedAt().isAfter(previousStart)
				|| month.toString().equals(watch.digestMonth())) {
			return;
		}
		if (this.organization.employee(watch.managerId()).status() == EmploymentStatus.DEPARTED) {
			return;
		}
		if (!this.watches.digestSent(watch.employeeId(), month.toString())) {
			return;
		}
		int signals = this.watches.signalCount(watch.employeeId(), previousStart, monthStart);
		int customers = this.watches.customersWithSignals(watch.employeeId(), previousStart, monthStart);
		this.notifications.send(watch.managerId(), DIGEST,
				NotificationText.of("watch.digest.title", this.organization.displayName(watch.employeeId()),
						month.minusMonths(1).toString()),
				NotificationText.of("watch.digest.body", signals, customers, watch.endsOn().toString()),
				"/watches/" + watch.employeeId());
	}

	/** Records signals of one watch that happened in [since, until). */
	private final class Recorder {

		private final long employeeId;

		private final Instant since;

		private final Instant until;

		private final Instant now;

		private int count;

		Recorder(long employeeId, Instant since, Instant until, Instant now) {
			this.employeeId = employeeId;
			this.since = since;
			this.until = until;
			this.now = now;
		}

		void record(long customerId, SignalKind kind, String source, Instant occurredAt, String detail) {
			if (occurredAt.isBefore(this.since) || occurredAt.isAfter(this.until)) {
				return;
			}
			if (WatchEvaluation.this.watches.record(this.employeeId, customerId, kind, source, occurredAt, detail,
					this.now)) {
				this.count++;
			}
		}

	}

}
