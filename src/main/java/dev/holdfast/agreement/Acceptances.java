package dev.holdfast.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.RequestClient;
import dev.holdfast.audit.AuditAction;

/**
 * The caller's own agreements: what to accept, what they accepted, accepting, and the
 * text they accepted. An acceptance is only ever inserted.
 */
@Service
class Acceptances {

	private static final String ACCEPTED = """
			select a.id as agreement_id, v.id as version_id, v.number, a.title_zh, a.title_en, v.text_zh, v.text_en,
			       v.scope, v.term_months, v.non_compete_text, v.non_compete_months, x.accepted_at
			from agreement_acceptance x
			join agreement_version v on v.id = x.version_id
			join agreement a on a.id = v.agreement_id
			where x.employee_id = ?""";

	private final JdbcClient jdbc;

	private final Obligations obligations;

	private final AgreementReads reads;

	private final AuditTrail audit;

	Acceptances(JdbcClient jdbc, Obligations obligations, AgreementReads reads, AuditTrail audit) {
		this.jdbc = jdbc;
		this.obligations = obligations;
		this.reads = reads;
		this.audit = audit;
	}

	/** What the caller must accept (first) and what they accepted, newest first. */
	@Transactional(readOnly = true)
	public List<MyAgreement> mine(Instant now) {
		long employeeId = CurrentEmployee.id();
		List<MyAgreement> all = new ArrayList<>();
		for (Obligation o : this.obligations.pending(employeeId, callerRoles())) {
			VersionView v = this.reads.version(o.versionId()).orElseThrow();
			all.add(new MyAgreement(o.agreementId(), o.versionId(), o.number(), o.titleZh(), o.titleEn(), v.textZh(),
					v.textEn(), v.scope(), v.termMonths(), v.nonCompeteText(), v.nonCompeteMonths(), null,
					o.acceptedEarlier() ? o.dueAt() : null, o.blocks(now)));
		}
		all.addAll(this.jdbc.sql(ACCEPTED + " order by x.accepted_at desc")
			.param(employeeId)
			.query(Acceptances::acceptedRow)
			.list());
		return all;
	}

	/**
	 * Accepts the current version of an agreement the caller's roles require; accepting
	 * it again changes nothing. Any other version is not found.
	 */
	@Transactional
	public MyAgreement accept(long versionId) {
		long employeeId = CurrentEmployee.id();
		Optional<MyAgreement> done = accepted(employeeId, versionId);
		if (done.isPresent()) {
			return done.get();
		}
		Obligation obligation = this.obligations.pending(employeeId, callerRoles())
			.stream()
			.filter(o -> o.versionId() == versionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("agreement version"));
		RequestClient client = RequestClient.current();
		int inserted = this.jdbc.sql("""
				insert into agreement_acceptance (employee_id, version_id, ip, user_agent) values (?, ?, ?, ?)
				on conflict on constraint uq_agreement_acceptance do nothing""")
			.params(employeeId, versionId, client.ip(), client.userAgent())
			.update();
		if (inserted == 1) {
			this.audit.record(AuditAction.AGREEMENT_ACCEPTED, "agreement_version", versionId,
					Map.of("agreementId", obligation.agreementId(), "version", obligation.number()));
		}
		return accepted(employeeId, versionId).orElseThrow();
	}

	/** A version the caller accepted; any other is not found. */
	@Transactional(readOnly = true)
	public MyAgreement acceptedByCaller(long versionId) {
		return accepted(CurrentEmployee.id(), versionId).orElseThrow(() -> new NotFoundException("accepted agreement"));
	}

	private Optional<MyAgreement> accepted(long employeeId, long versionId) {
		return this.jdbc.sql(ACCEPTED + " and x.version_id = ?")
			.params(employeeId, versionId)
			.query(Acceptances::acceptedRow)
			.optional();
	}

	private static MyAgreement acceptedRow(ResultSet rs, int row) throws SQLException {
		return new MyAgreement(rs.getLong("agreement_id"), rs.getLong("version_id"), rs.getInt("number"),
				rs.getString("title_zh"), rs.getString("title_en"), rs.getString("text_zh"), rs.getString("text_en"),
				rs.getString("scope"), rs.getInt("term_months"), rs.getString("non_compete_text"),
				(Integer) rs.getObject("non_compete_months"), rs.getTimestamp("accepted_at").toInstant(), null, false);
	}

	private static List<String> callerRoles() {
		return AgreementGate.roles(SecurityContextHolder.getContext().getAuthentication());
	}

}
