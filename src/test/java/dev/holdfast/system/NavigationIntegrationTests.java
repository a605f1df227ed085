package dev.holdfast.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top bar shows each role exactly the entries it showed when it was written by hand,
 * one {@code sec:authorize} per entry: the lists below were read from that layout before
 * it was derived from {@link Navigation} (which only gave the home link its id). The menu
 * is convenience; the services refuse what a role may not do whatever the menu shows.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationIntegrationTests {

	private static final Pattern ENTRY = Pattern.compile("id=\"(nav-[a-z-]+)\"");

	@LocalServerPort
	int port;

	private TestData data;

	private long dept;

	@BeforeAll
	void setUp() {
		this.data = new TestData(new Api(this.port));
		this.dept = this.data.department("南京导航测试部", null);
	}

	@Test
	void eachBuiltInRoleSeesTodaysEntries() {
		Map<String, List<String>> expected = Map.of("ADMIN",
				List.of("nav-home", "nav-customers", "nav-reminders", "nav-pool", "nav-know-how", "nav-dashboard",
						"nav-handover-tasks", "nav-admin", "nav-departments", "nav-employees", "nav-roles",
						"nav-approvals", "nav-audit", "nav-offboarding", "nav-rotations", "nav-risk", "nav-watches",
						"nav-exports", "nav-imports", "nav-leak-trace", "nav-evidence", "nav-login-lockouts",
						"nav-backups", "nav-offboarding-checklist"),
				"SALES_MANAGER",
				List.of("nav-home", "nav-customers", "nav-reminders", "nav-pool", "nav-know-how", "nav-dashboard",
						"nav-handover-tasks", "nav-admin", "nav-offboarding", "nav-rotations", "nav-risk",
						"nav-watches", "nav-exports", "nav-imports"),
				"SALES",
				List.of("nav-home", "nav-customers", "nav-reminders", "nav-pool", "nav-know-how", "nav-handover-tasks"),
				"SERVICE",
				List.of("nav-home", "nav-customers", "nav-reminders", "nav-know-how", "nav-handover-tasks",
						"nav-care-visits"),
				"HR", List.of("nav-home", "nav-admin", "nav-employees", "nav-roles", "nav-offboarding"), "AUDITOR",
				List.of("nav-home", "nav-admin", "nav-audit", "nav-risk", "nav-watches", "nav-leak-trace",
						"nav-evidence"));
		Map<String, List<String>> shown = new TreeMap<>();
		expected.keySet().forEach(role -> shown.put(role, entries(role)));
		assertThat(shown).isEqualTo(new TreeMap<>(expected));
	}

	@Test
	void aPersonWithTwoRolesSeesTheEntriesOfBoth() {
		assertThat(entries("HR", "SERVICE")).containsExactly("nav-home", "nav-customers", "nav-reminders",
				"nav-know-how", "nav-handover-tasks", "nav-care-visits", "nav-admin", "nav-employees", "nav-roles",
				"nav-offboarding");
	}

	private List<String> entries(String... roles) {
		Employee employee = this.data.employee("navrole", this.dept, null, roles);
		WebSession web = new WebSession(this.port);
		web.logIn(employee.username(), TestData.PASSWORD);
		String page = web.get("/?lang=zh_CN").body();
		assertThat(page).contains("id=\"main-nav\"");
		String menu = page.substring(page.indexOf("id=\"main-nav\""), page.indexOf("id=\"nav-notifications\""));
		List<String> ids = new ArrayList<>();
		Matcher matcher = ENTRY.matcher(menu);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

}
