package dev.holdfast.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.holdfast.bench.ChineseWords.GIVEN_CHARACTERS;
import static dev.holdfast.bench.ChineseWords.MOBILE_PREFIXES;
import static dev.holdfast.bench.ChineseWords.SURNAMES;
import static dev.holdfast.bench.ChineseWords.sqlArray;

/**
 * The organisation of the large data set: a head office with ten sales regions, each with
 * teams of reps under the region's manager. Region 1 (华东大区) has about 200 reps, so its
 * manager's DEPARTMENT_TREE scope covers about 200 owners. All usernames start with
 * {@code bench.}.
 */
final class BenchOrganization {

	static final String PREFIX = "bench.";

	/** The manager of region 1, whose department tree holds about 200 reps. */
	static final String REGION_MANAGER = "bench.r01.manager";

	/** A rep of region 1 with the SALES role (data scope SELF). */
	static final String REP = "bench.r01.rep0001";

	static final String PASSWORD = "holdfast-bench-password";

	private static final List<String> REGIONS = List.of("华东大区", "华南大区", "华北大区", "华中大区", "西南大区", "西北大区", "东北大区", "华东二区",
			"华南二区", "海外事业部");

	private final JdbcClient jdbc;

	private final String passwordHash;

	BenchOrganization(JdbcClient jdbc, String passwordHash) {
		this.jdbc = jdbc;
		this.passwordHash = passwordHash;
	}

	boolean exists() {
		return this.jdbc.sql("select count(*) from employee where username = ?")
			.param(REGION_MANAGER)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Creates departments and employees; returns the ids of the reps, who own customers.
	 */
	List<Long> create(int employees) {
		long root = department("基准测试集团", null);
		int service = Math.max(2, employees * 4 / 100);
		int hr = Math.max(1, employees / 100);
		int auditors = Math.max(1, employees / 100);
		staff(department("客服中心", root), "service", service, "SERVICE");
		staff(department("人力资源部", root), "hr", hr, "HR");
		staff(department("内审部", root), "auditor", auditors, "AUDITOR");
		int reps = employees - REGIONS.size() - service - hr - auditors;
		int firstRegion = Math.round(reps * 200f / 460f);
		for (int r = 0; r < REGIONS.size(); r++) {
			int count = (r == 0) ? firstRegion : (reps - firstRegion) / (REGIONS.size() - 1)
					+ ((r - 1) < (reps - firstRegion) % (REGIONS.size() - 1) ? 1 : 0);
			region(root, r + 1, REGIONS.get(r), count);
		}
		grant("SALES", "bench.r%.rep%");
		return this.jdbc.sql("select id from employee where username like 'bench.r%.rep%' order by id")
			.query(Long.class)
			.list();
	}

	private void region(long root, int number, String name, int reps) {
		long region = department(name, root);
		String code = "bench.r%02d.".formatted(number);
		long manager = insertEmployees(code + "manager", 1, region, null, "'" + code + "manager'");
		grant("SALES_MANAGER", code + "manager");
		int teamCount = number == 1 ? 10 : 3;
		List<Long> teams = new ArrayList<>();
		for (int t = 1; t <= teamCount; t++) {
			teams.add(department("销售" + t + "组", region));
		}
		String teamArray = teams.stream().map(String::valueOf).collect(Collectors.joining(",", "(array[", "])"));
		insertEmployees(code + "rep", reps, null, manager, "format('%srep%s', '" + code + "', lpad(g::text, 4, '0'))",
				teamArray + "[1 + g % " + teamCount + "]");
	}

	private void staff(long department, String kind, int count, String role) {
		insertEmployees(PREFIX + kind, count, department, null,
				"format('" + PREFIX + kind + "%s', lpad(g::text, 3, '0'))");
		grant(role, PREFIX + kind + "%");
	}

	private long insertEmployees(String label, int count, Long department, Long manager, String username) {
		return insertEmployees(label, count, department, manager, username, String.valueOf(department));
	}

	/** Inserts {@code count} employees; returns the id of the first. */
	private long insertEmployees(String label, int count, Long department, Long manager, String username,
			String departmentExpression) {
		int salt = label.hashCode();
		String sql = """
				insert into employee (username, display_name, phone, department_id, manager_id, status, password_hash)
				select %s,
				       %s[1 + %s %% %d] || %s[1 + %s %% %d] || case when g %% 3 = 0 then '' else %s[1 + %s %% %d] end,
				       %s[1 + %s %% %d] || lpad((%s %% 100000000)::text, 8, '0'),
				       %s, %s, 'ACTIVE', :hash
				from generate_series(1, :count) g
				returning id""".formatted(username, sqlArray(SURNAMES), h("g", salt), SURNAMES.size(),
				sqlArray(GIVEN_CHARACTERS), h("g", salt + 1), GIVEN_CHARACTERS.size(), sqlArray(GIVEN_CHARACTERS),
				h("g", salt + 2), GIVEN_CHARACTERS.size(), sqlArray(MOBILE_PREFIXES), h("g", salt + 3),
				MOBILE_PREFIXES.size(), h("g", salt + 4), departmentExpression, manager);
		return this.jdbc.sql(sql)
			.param("hash", this.passwordHash)
			.param("count", count)
			.query(Long.class)
			.list()
			.stream()
			.min(Long::compare)
			.orElseThrow();
	}

	private void grant(String role, String usernamePattern) {
		this.jdbc.sql("""
				insert into employee_role (employee_id, role_id)
				select e.id, r.id from employee e, role r
				where e.username like :pattern and r.code = :role""")
			.param("pattern", usernamePattern)
			.param("role", role)
			.update();
	}

	private long department(String name, Long parent) {
		return this.jdbc.sql("insert into department (name, parent_id) values (?, ?) returning id")
			.params(name, parent)
			.query(Long.class)
			.single();
	}

	/** A deterministic, non-negative pseudo-random bigint of an expression. */
	static String h(String expression, long salt) {
		return "(hashint8extended((" + expression + ")::bigint, " + salt + ") & 9223372036854775807)";
	}

}
