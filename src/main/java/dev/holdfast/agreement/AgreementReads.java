package dev.holdfast.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads templates and versions for the HR and employee views; callers check access.
 */
@Component
class AgreementReads {

	private static final String VERSION = """
			select v.*, (select count(*) from agreement_acceptance x where x.version_id = v.id) as accepted
			from agreement_version v""";

	private final JdbcClient jdbc;

	private final ObjectProvider<LastWorkingDays> lastWorkingDays;

	AgreementReads(JdbcClient jdbc, ObjectProvider<LastWorkingDays> lastWorkingDays) {
		this.jdbc = jdbc;
		this.lastWorkingDays = lastWorkingDays;
	}

	List<AgreementView> all() {
		return this.jdbc.sql("select id from agreement order by id desc")
			.query(Long.class)
			.list()
			.stream()
			.map(id -> one(id).orElseThrow())
			.toList();
	}

	Optional<AgreementView> one(long id) {
		List<String> roles = this.jdbc
			.sql("select role_code from agreement_role where agreement_id = ? order by role_code")
			.param(id)
			.query(String.class)
			.list();
		List<VersionView> versions = this.jdbc.sql(VERSION + " where v.agreement_id = ? order by v.number desc")
			.param(id)
			.query(AgreementReads::version)
			.list();
		return this.jdbc.sql("select * from agreement where id = ?")
			.param(id)
			.query((rs, row) -> new AgreementView(rs.getLong("id"), rs.getString("title_zh"), rs.getString("title_en"),
					roles, rs.getTimestamp("created_at").toInstant(), versions))
			.optional();
	}

	Optional<VersionView> version(long versionId) {
		return this.jdbc.sql(VERSION + " where v.id = ?").param(versionId).query(AgreementReads::version).optional();
	}

	private static VersionView version(ResultSet rs, int row) throws SQLException {
		return new VersionView(rs.getLong("id"), rs.getLong("agreement_id"), rs.getInt("number"),
				rs.getString("text_zh"), rs.getString("text_en"), rs.getString("scope"), rs.getInt("term_months"),
				rs.getString("non_compete_text"), (Integer) rs.getObject("non_compete_months"), rs.getInt("grace_days"),
				rs.getTimestamp("published_at").toInstant(), rs.getLong("accepted"));
	}

	/** Reminders of terms that have not ended by the day, soonest first. */
	List<ReminderView> reminders(LocalDate from) {
		return this.jdbc.sql("""
				select r.*, e.display_name, a.title_zh, a.title_en
				from agreement_reminder r
				join employee_directory e on e.id = r.employee_id
				join agreement_version v on v.id = r.version_id
				join agreement a on a.id = v.agreement_id
				where r.ends_on >= ? order by r.ends_on, r.id limit 500""")
			.param(from)
			.query((rs, row) -> new ReminderView(rs.getLong("id"), rs.getLong("employee_id"),
					rs.getString("display_name"), rs.getLong("version_id"), rs.getString("title_zh"),
					rs.getString("title_en"), rs.getString("kind"), rs.getDate("ends_on").toLocalDate(),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * The last working day of the employee's latest offboarding case, if any (asked of
	 * {@link LastWorkingDays}, which offboarding implements).
	 */
	Optional<LocalDate> lastWorkingDay(long employeeId) {
		return this.lastWorkingDays.getIfAvailable(() -> LastWorkingDays.NONE).of(employeeId);
	}

	List<String> roleCodes() {
		return this.jdbc.sql("select code from role_directory order by code").query(String.class).list();
	}

	/** Departments for the filter, by id and name. */
	Map<Long, String> departments() {
		Map<Long, String> departments = new LinkedHashMap<>();
		this.jdbc.sql("select id, name from department_directory order by name").query(rs -> {
			departments.put(rs.getLong("id"), rs.getString("name"));
		});
		return departments;
	}

}
