package dev.holdfast.agreement;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.Permission;

/**
 * Every agreement version an employee accepted, with its text and when, from which
 * address and with which browser they accepted it: for the evidence package (holders of
 * {@code evidence.build}).
 */
@Service
public class AgreementEvidence {

	private final JdbcClient jdbc;

	AgreementEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Accepted> acceptedBy(long employeeId) {
		Permission.EVIDENCE_BUILD.require();
		return this.jdbc.sql("""
				select a.id as agreement_id, v.id as version_id, v.number, a.title_zh, a.title_en, v.text_zh,
				       v.text_en, v.scope, v.term_months, v.non_compete_text, v.non_compete_months, x.accepted_at,
				       x.ip, x.user_agent
				from agreement_acceptance x
				join agreement_version v on v.id = x.version_id
				join agreement a on a.id = v.agreement_id
				where x.employee_id = ? order by x.accepted_at, x.id""")
			.param(employeeId)
			.query((rs, n) -> new Accepted(rs.getLong("agreement_id"), rs.getLong("version_id"), rs.getInt("number"),
					rs.getString("title_zh"), rs.getString("title_en"), rs.getString("text_zh"),
					rs.getString("text_en"), rs.getString("scope"), rs.getInt("term_months"),
					rs.getString("non_compete_text"), (Integer) rs.getObject("non_compete_months"),
					rs.getTimestamp("accepted_at").toInstant(), rs.getString("ip"), rs.getString("user_agent")))
			.list();
	}

	/** One accepted version, as accepted. */
	public record Accepted(long agreementId, long versionId, int version, String titleZh, String titleEn, String textZh,
			String textEn, String scope, int termMonths, String nonCompeteText, Integer nonCompeteMonths,
			Instant acceptedAt, String ip, String userAgent) {
	}

}
