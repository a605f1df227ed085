package dev.holdfast.offboarding;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.agreement.LastWorkingDays;

/** The agreement module's view of leavers: the last working day of each latest case. */
@Component
class CaseLastWorkingDays implements LastWorkingDays {

	private final JdbcClient jdbc;

	CaseLastWorkingDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<LocalDate> of(long employeeId) {
		return this.jdbc.sql("""
				select last_working_day from offboarding_case where employee_id = ?
				order by created_at desc limit 1""").param(employeeId).query(LocalDate.class).optional();
	}

	@Override
	public Map<Long, LocalDate> all() {
		Map<Long, LocalDate> days = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (employee_id) employee_id, last_working_day from offboarding_case
				order by employee_id, created_at desc""").query(rs -> {
			days.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
		});
		return days;
	}

}
