package dev.holdfast.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.holdfast.agreement.AgreementEvidence;
import dev.holdfast.audit.AuditEventView;
import dev.holdfast.audit.ChainVerification;
import dev.holdfast.offboarding.HandoverRecords;
import dev.holdfast.risk.RiskEvidence;
import dev.holdfast.watch.PostDepartureSignal;

/**
 * Everything one package holds, gathered from the owners' APIs before any file is
 * written.
 *
 * @param events the matching audit events, in the chain's order
 * @param recomputed how many of them have the hash their fields and predecessor give
 * @param chain the whole chain's verification at build time
 * @param days reading per day over the period, every day with any
 * @param signals the post-departure watch's signals, whenever they happened (they come
 * after the departure, so mostly after the period)
 */
record EvidenceFacts(Subject subject, LocalDate from, LocalDate to, String language, Instant builtAt, String builtBy,
		RiskEvidence.Evidence risk, List<AuditEventView> events, long recomputed, ChainVerification chain,
		List<Day> days, List<AgreementEvidence.Accepted> agreements, List<HandoverRecords.CaseRecord> handover,
		List<PostDepartureSignal> signals) {

	static final Set<String> REVEALS = Set.of("CONTACT_REVEALED", "CUSTOMER_REVEALED");

	static final Set<String> EXPORTS = Set.of("EXPORT_REQUESTED", "EXPORT_APPROVED", "EXPORT_REJECTED",
			"EXPORT_DOWNLOADED");

	static final Set<String> LEAKS = Set.of("CANARY_HIT", "LEAK_TRACED");

	public boolean eventsVerify() {
		return this.recomputed == this.events.size();
	}

	public List<AuditEventView> reveals() {
		return events(REVEALS, false);
	}

	public List<AuditEventView> exports() {
		return events(EXPORTS, false);
	}

	/** Canary hits and leak traces that name the employee, whoever caused them. */
	public List<AuditEventView> leaks() {
		return events(LEAKS, true);
	}

	/** The events of the actions, of the employee's own doing unless {@code anyone}. */
	public List<AuditEventView> events(Set<String> actions, boolean anyone) {
		return this.events.stream()
			.filter(e -> actions.contains(e.action()))
			.filter(e -> anyone || Long.valueOf(this.subject.id()).equals(e.actorId()))
			.toList();
	}

	/** Whose package it is. */
	record Subject(long id, String username, String displayName, String status) {
	}

	/**
	 * One day of the period: customer records read, list and search pages, reveals,
	 * exports requested, export files downloaded.
	 */
	record Day(LocalDate day, long views, long lists, long reveals, long exports, long downloads) {
	}

}
