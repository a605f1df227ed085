package dev.holdfast.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.holdfast.agreement.AgreementEvidence;
import dev.holdfast.audit.ActivityMeasure;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditActivity;
import dev.holdfast.audit.AuditEventView;
import dev.holdfast.audit.AuditEvidence;
import dev.holdfast.offboarding.HandoverRecords;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.risk.RiskEvidence;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.watch.PostDepartureSignals;

/**
 * Asks each owner for its part of a package: organization (who), audit (the events, the
 * chain, reading per day), risk, agreement, offboarding and the post-departure watch.
 * Each call checks {@code evidence.build} itself.
 */
@Component
class EvidenceGathering {

	private static final List<ActivityMeasure> PER_DAY = List.of(
			ActivityMeasure.of(AuditAction.CUSTOMER_DATA_READ).summing("records"),
			ActivityMeasure.of(AuditAction.CUSTOMERS_LISTED),
			ActivityMeasure.of(AuditAction.CONTACT_REVEALED, AuditAction.CUSTOMER_REVEALED),
			ActivityMeasure.of(AuditAction.EXPORT_REQUESTED), ActivityMeasure.of(AuditAction.EXPORT_DOWNLOADED));

	private final OrganizationManagement organization;

	private final AuditEvidence audit;

	private final AuditActivity activity;

	private final RiskEvidence risk;

	private final AgreementEvidence agreements;

	private final HandoverRecords handovers;

	private final PostDepartureSignals signals;

	private final HoldfastClock clock;

	EvidenceGathering(OrganizationManagement organization, AuditEvidence audit, AuditActivity activity,
			RiskEvidence risk, AgreementEvidence agreements, HandoverRecords handovers, PostDepartureSignals signals,
			HoldfastClock clock) {
		this.signals = signals;
		this.organization = organization;
		this.audit = audit;
		this.activity = activity;
		this.risk = risk;
		this.agreements = agreements;
		this.handovers = handovers;
		this.clock = clock;
	}

	EvidenceFacts gather(EmployeeView employee, LocalDate from, LocalDate to, String language, int maxEvents) {
		Instant start = this.clock.startOf(from);
		Instant end = this.clock.endOf(to);
		List<AuditEventView> events = this.audit.about(employee.id(), start, end, maxEvents);
		long recomputed = events.stream().filter(e -> AuditEvidence.hashOf(e).equals(e.hash())).count();
		Map<LocalDate, double[]> daily = this.activity.daily(PER_DAY, employee.id(), start, end);
		List<EvidenceFacts.Day> days = daily.entrySet()
			.stream()
			.map(d -> new EvidenceFacts.Day(d.getKey(), Math.round(d.getValue()[0]), Math.round(d.getValue()[1]),
					Math.round(d.getValue()[2]), Math.round(d.getValue()[3]), Math.round(d.getValue()[4])))
			.filter(d -> d.views() + d.lists() + d.reveals() + d.exports() + d.downloads() > 0)
			.toList();
		return new EvidenceFacts(
				new EvidenceFacts.Subject(employee.id(), employee.username(), employee.displayName(),
						employee.status().name()),
				from, to, language, this.clock.now(), CurrentEmployee.get().username(), this.risk.of(employee.id()),
				events, recomputed, this.audit.verifyChain(), days, this.agreements.acceptedBy(employee.id()),
				this.handovers.of(employee.id()), this.signals.forEvidence(employee.id()));
	}

}
