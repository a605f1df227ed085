package dev.holdfast.agreement;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreements that bind an employee after they leave, for the offboarding case: per
 * agreement the latest version they accepted, with the end of its terms counted from the
 * last working day. Callers decide who may see them.
 */
@Service
public class AgreementTerms {

	private static final String LATEST_ACCEPTED = """
			select distinct on (a.id) a.id as agreement_id, v.id as version_id, v.number, a.title_zh, a.title_en,
			       x.accepted_at, v.term_months, v.non_compete_months
			from agreement_acceptance x
			join agreement_version v on v.id = x.version_id
			join agreement a on a.id = v.agreement_id
			where x.employee_id = ?
			order by a.id, v.number desc""";

	private final JdbcClient jdbc;

	AgreementTerms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The agreements the employee accepted and when each post-departure term ends if the
	 * last working day is the one given.
	 */
	@Transactional(readOnly = true)
	public List<AgreementTerm> inForce(long employeeId, LocalDate lastWorkingDay) {
		return this.jdbc.sql(LATEST_ACCEPTED).param(employeeId).query((rs, row) -> {
			int term = rs.getInt("term_months");
			Integer nonCompete = (Integer) rs.getObject("non_compete_months");
			return new AgreementTerm(rs.getLong("agreement_id"), rs.getLong("version_id"), rs.getInt("number"),
					rs.getString("title_zh"), rs.getString("title_en"), rs.getTimestamp("accepted_at").toInstant(),
					term, lastWorkingDay.plusMonths(term), nonCompete,
					nonCompete == null ? null : lastWorkingDay.plusMonths(nonCompete));
		}).list();
	}

}
