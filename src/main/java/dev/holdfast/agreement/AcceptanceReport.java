package dev.holdfast.agreement;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;

/**
 * Who has and who hasn't accepted a version: every employee still with the company whose
 * roles require the agreement, optionally in one department.
 */
@Service
class AcceptanceReport {

	static final int MAX_ROWS = 1000;

	private static final String ROWS = """
			select e.id, e.username, e.display_name, e.department_id, d.name as department_name,
			       x.accepted_at, x.ip
			from employee_directory e
			left join department_directory d on d.id = e.department_id
			left join agreement_acceptance x on x.employee_id = e.id and x.version_id = :version
			where e.status <> 'DEPARTED'
			  and exists (select 1 from role_assignment er join role_directory r on r.id = er.role_id
			              join agreement_role ar on ar.role_code = r.code
			              where er.employee_id = e.id and ar.agreement_id = :agreement)
			""";

	private final JdbcClient jdbc;

	AcceptanceReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param versionId the version, or null for the current one
	 * @param status {@code accepted}, {@code pending} or null for both
	 */
	@Transactional(readOnly = true)
	public List<AcceptanceRow> rows(long agreementId, Long versionId, String status, Long departmentId) {
		AgreementCatalog.requireManager();
		long version = versionId != null ? checked(agreementId, versionId) : current(agreementId);
		StringBuilder sql = new StringBuilder(ROWS);
		if (departmentId != null) {
			sql.append(" and e.department_id = :department");
		}
		if (status != null) {
			switch (status) {
				case "accepted" -> sql.append(" and x.id is not null");
				case "pending" -> sql.append(" and x.id is null");
				default -> throw new InvalidInputException("status", "accepted or pending");
			}
		}
		sql.append(" order by e.display_name, e.id limit ").append(MAX_ROWS);
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("version", version)
			.param("agreement", agreementId);
		if (departmentId != null) {
			statement = statement.param("department", departmentId);
		}
		return statement.query((rs, row) -> {
			Timestamp accepted = rs.getTimestamp("accepted_at");
			return new AcceptanceRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					(Long) rs.getObject("department_id"), rs.getString("department_name"),
					accepted == null ? null : accepted.toInstant(), rs.getString("ip"));
		}).list();
	}

	private long checked(long agreementId, long versionId) {
		return this.jdbc.sql("select id from agreement_version where id = ? and agreement_id = ?")
			.params(versionId, agreementId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("agreement version"));
	}

	private long current(long agreementId) {
		return this.jdbc.sql("select id from agreement_version where agreement_id = ? order by number desc limit 1")
			.param(agreementId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("published version"));
	}

}
