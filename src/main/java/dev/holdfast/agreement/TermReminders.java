package dev.holdfast.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditEntry;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.audit.AuditAction;

/**
 * Reminds HR before a post-departure term ends: once a day (on one instance: the job's
 * lock, {@link TermReminderJob}), every term of a leaver's latest accepted versions that
 * ends within the lead time gets a reminder row (shown on the HR page) and an audit
 * event, once.
 * <p>
 * The last working days come from {@link LastWorkingDays}, which offboarding implements:
 * offboarding depends on this module, so this module owns the question.
 */
@Service
class TermReminders {

	private static final String DUE = """
			insert into agreement_reminder (employee_id, version_id, kind, ends_on)
			select t.employee_id, t.version_id, k.kind, k.ends_on
			from (select distinct on (x.employee_id, v.agreement_id) x.employee_id, v.id as version_id,
			             v.term_months, v.non_compete_months, c.last_working_day
			      from agreement_acceptance x
			      join agreement_version v on v.id = x.version_id
			      join unnest(cast(:leavers as bigint[]), cast(:days as date[])) c (employee_id, last_working_day)
			           on c.employee_id = x.employee_id
			      order by x.employee_id, v.agreement_id, v.number desc) t
			cross join lateral (values
			    ('CONFIDENTIALITY', (t.last_working_day + make_interval(months => t.term_months))::date),
			    ('NON_COMPETE', (t.last_working_day + make_interval(months => t.non_compete_months))::date)) k (kind, ends_on)
			where k.ends_on is not null and k.ends_on between :today and :until
			on conflict on constraint uq_agreement_reminder do nothing
			returning id, employee_id, version_id, kind, ends_on""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final AgreementProperties properties;

	private final HoldfastClock clock;

	private final ObjectProvider<LastWorkingDays> lastWorkingDays;

	TermReminders(JdbcClient jdbc, AuditTrail audit, AgreementProperties properties, HoldfastClock clock,
			ObjectProvider<LastWorkingDays> lastWorkingDays) {
		this.lastWorkingDays = lastWorkingDays;
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * Raises the reminders due at the instant that were not raised before (a reminder is
	 * unique per employee, version and kind, so running again raises nothing twice).
	 */
	@Transactional
	public int raise(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.clock.zone());
		LocalDate until = LocalDate.ofInstant(now.plus(this.properties.reminderLead()), this.clock.zone());
		Map<Long, LocalDate> leavers = this.lastWorkingDays.getIfAvailable(() -> LastWorkingDays.NONE).all();
		if (leavers.isEmpty()) {
			return 0;
		}
		List<Long> ids = List.copyOf(leavers.keySet());
		List<AuditEntry> raised = this.jdbc.sql(DUE)
			.param("leavers", ids.toArray(Long[]::new))
			.param("days", ids.stream().map(leavers::get).map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
			.param("today", today)
			.param("until", until)
			.query((rs, row) -> new AuditEntry(AuditAction.AGREEMENT_TERM_ENDING, "employee", rs.getLong("employee_id"),
					Map.of("reminderId", rs.getLong("id"), "versionId", rs.getLong("version_id"), "kind",
							rs.getString("kind"), "endsOn", rs.getDate("ends_on").toString())))
			.list();
		this.audit.recordAll(raised);
		return raised.size();
	}

}
