package dev.holdfast.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.risk.RiskScoring.IndicatorScore;
import dev.holdfast.risk.RiskScoring.Severity;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Insider risk: evaluates employees (on a schedule, on one instance at a time, and on
 * demand), raises alerts to their managers and the readers of risk data, suspends reveals
 * and exports after a critical alert, and lets a manager acknowledge and lift.
 */
@Service
public class RiskManagement {

	private final RiskEvaluation evaluation;

	private final RiskSubjects subjects;

	private final RiskAlerts alerts;

	private final RiskSuspensions suspensions;

	private final RiskAccess access;

	private final Collaborators with;

	private final Lookbacks lookbacks;

	private final HoldfastClock clock;

	RiskManagement(RiskEvaluation evaluation, RiskSubjects subjects, RiskAlerts alerts, RiskSuspensions suspensions,
			RiskAccess access, Collaborators with, Lookbacks lookbacks, HoldfastClock clock) {
		this.lookbacks = lookbacks;
		this.evaluation = evaluation;
		this.subjects = subjects;
		this.alerts = alerts;
		this.suspensions = suspensions;
		this.access = access;
		this.with = with;
		this.clock = clock;
	}

	/**
	 * Alerts the caller may see, newest first; {@code status} OPEN or ACKNOWLEDGED, or
	 * all.
	 */
	@Transactional(readOnly = true)
	public List<AlertView> alerts(String status) {
		this.access.requireReader();
		if (this.access.readsAll()) {
			return this.alerts.all(status, 200);
		}
		return this.alerts.forRecipient(CurrentEmployee.id(), status, 200);
	}

	/**
	 * The open alerts the caller receives or reads, newest first, for their start page:
	 * empty when they are no reader of risk data (then the page has no such section).
	 */
	@Transactional(readOnly = true)
	public Optional<List<AlertView>> openAlertsOfCaller(int limit) {
		long me = CurrentEmployee.id();
		if (this.access.readsAll()) {
			return Optional.of(this.alerts.all("OPEN", limit));
		}
		List<AlertView> received = this.alerts.forRecipient(me, "OPEN", limit);
		if (received.isEmpty() && !this.subjects.hasReports(me)) {
			return Optional.empty();
		}
		return Optional.of(received);
	}

	/** An employee's risk as of now. */
	@Transactional(readOnly = true)
	public EmployeeRisk employee(long employeeId) {
		this.access.requireRead(employeeId);
		return view(employeeId, this.clock.now());
	}

	/** Evaluates one employee now, raising alerts as the schedule would. */
	@Transactional
	public EmployeeRisk evaluate(long employeeId) {
		this.access.requireRead(employeeId);
		subject(employeeId);
		evaluate(List.of(employeeId), this.clock.now());
		return view(employeeId, this.clock.now());
	}

	@Transactional
	public AlertView acknowledge(long alertId) {
		this.access.requireReader();
		AlertView alert = this.alerts.find(alertId).orElseThrow(() -> new NotFoundException("risk"));
		this.access.requireAct(alert.employeeId());
		if (this.alerts.acknowledge(alertId, CurrentEmployee.id())) {
			this.with.audit()
				.record(AuditAction.RISK_ALERT_ACKNOWLEDGED, "employee", alert.employeeId(),
						Map.of("alert", alertId, "indicator", alert.indicator()));
		}
		return this.alerts.find(alertId).orElseThrow();
	}

	/** Lifts the suspension of the employee's reveals and exports. */
	@Transactional
	public EmployeeRisk lift(long employeeId) {
		this.access.requireReader();
		subject(employeeId);
		this.access.requireAct(employeeId);
		if (this.suspensions.lift(employeeId, CurrentEmployee.id())) {
			this.with.audit().record(AuditAction.RISK_SUSPENSION_LIFTED, "employee", employeeId, Map.of());
		}
		return view(employeeId, this.clock.now());
	}

	/**
	 * The scheduled evaluation of everyone active in the last hour (once across
	 * instances: {@link RiskEvaluationJob}'s lock).
	 */
	@Transactional
	public void runScheduled(Instant now) {
		evaluate(this.subjects.activeSince(now.minus(Duration.ofHours(1))), now);
		this.lookbacks.keepForNewLeavers(now);
	}

	/**
	 * Evaluates the employees at the given instant: opens or raises an alert per
	 * indicator above the warning score, and suspends after a critical one.
	 */
	@Transactional
	void evaluate(List<Long> employeeIds, Instant now) {
		this.evaluation.scores(employeeIds, now).forEach((employeeId, scores) -> {
			for (IndicatorScore score : scores) {
				Severity severity = this.evaluation.scoring().severity(score.score());
				if (severity != null) {
					this.alerts.raise(employeeId, score, severity, now)
						.ifPresent(raised -> alerted(employeeId, score, severity, raised));
				}
			}
		});
	}

	private void alerted(long employeeId, IndicatorScore score, Severity severity, RiskAlerts.Raised raised) {
		if (raised.inserted()) {
			this.alerts.addRecipients(raised.id(), RiskEvaluation.recipients(this.subjects.managers(employeeId),
					this.with.organization().activeHolders(Permission.RISK_READ, null), employeeId));
		}
		this.with.audit()
			.recordAs(null, null, AuditAction.RISK_ALERT_RAISED, "employee", employeeId,
					Map.of("alert", raised.id(), "indicator", score.indicator().name(), "severity", severity.name(),
							"score", RiskScoring.round(score.score())));
		if (severity == Severity.CRITICAL && this.with.properties().suspend()
				&& this.suspensions.suspend(employeeId, this.with.properties().suspended(), raised.id())) {
			this.with.audit()
				.recordAs(null, null, AuditAction.RISK_SUSPENDED, "employee", employeeId,
						Map.of("alert", raised.id(), "permissions", this.with.properties().suspended()));
		}
	}

	EmployeeRisk view(long employeeId, Instant now) {
		RiskSubjects.Subject subject = subject(employeeId);
		List<IndicatorScore> scores = this.evaluation.scores(List.of(employeeId), now).get(employeeId);
		double top = scores.stream().mapToDouble(IndicatorScore::score).max().orElse(0);
		Severity severity = this.evaluation.scoring().severity(top);
		Optional<RiskSuspensions.Suspension> suspension = this.suspensions.active(employeeId);
		return new EmployeeRisk(employeeId, subject.displayName(), subject.leaving(), RiskScoring.round(top),
				severity == null ? null : severity.name(),
				scores.stream()
					.sorted(Comparator.comparingDouble(IndicatorScore::score).reversed())
					.map(s -> new EmployeeRisk.Score(s.indicator().name(), s.indicator().window().toString(),
							RiskScoring.round(s.observed()), RiskScoring.round(s.expected()),
							RiskScoring.round(s.score())))
					.toList(),
				this.alerts.ofEmployee(employeeId),
				suspension.map(RiskSuspensions.Suspension::permissions).orElse(Set.of()),
				suspension.map(RiskSuspensions.Suspension::since).orElse(null));
	}

	private RiskSubjects.Subject subject(long employeeId) {
		return this.subjects.find(employeeId).orElseThrow(() -> new NotFoundException("risk"));
	}

}
