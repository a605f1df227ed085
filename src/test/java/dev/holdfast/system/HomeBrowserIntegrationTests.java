package dev.holdfast.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's start page in Chromium at 1366 px and at 375 px, in both languages: the
 * sections of the role are there, nothing runs off the side of a phone, and a screenshot
 * of each is kept under {@code target/screenshots} (home-ROLE-WIDTH-LANGUAGE.png).
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	private final Map<String, Employee> roles = new java.util.LinkedHashMap<>();

	@BeforeAll
	void setUp() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long region = data.department("西北大区", null);
		long team = data.department("西安销售组", region);
		Employee manager = data.employee("bmgr", region, null, "SALES_MANAGER");
		Employee lead = data.employee("blead", team, manager.id(), "SALES_MANAGER");
		Employee rep = data.employee("brep", team, lead.id(), "SALES");
		Employee service = data.employee("bsvc", region, null, "SERVICE");
		this.roles.put("sales", rep);
		this.roles.put("manager", manager);
		this.roles.put("service", service);
		this.roles.put("hr", data.employee("bhr", null, null, "HR"));
		this.roles.put("auditor", data.employee("baud", null, null, "AUDITOR"));
		String repToken = data.token(rep);
		long customer = 0;
		for (int i = 0; i < 4; i++) {
			customer = api
				.post(repToken, "/api/v1/customers", Map.of("name", "西安" + TestData.unique("大雁塔国际旅行社") + "有限责任公司",
						"kind", "COMPANY", "level", "A", "region", "陕西省西安市"))
				.id();
			Timestamp then = Timestamp.from(Instant.now().minus(Duration.ofDays(12 + i)));
			this.jdbc.sql("update customer set created_at = ? where id = ?").params(then, customer).update();
			this.jdbc.sql("update customer_owner_history set changed_at = ? where customer_id = ?")
				.params(then, customer)
				.update();
		}
		Map<String, Object> visit = new HashMap<>();
		visit.put("dueOn", LocalDate.now().plusDays(2).toString());
		visit.put("assigneeId", service.id());
		assertThat(api.post(data.token(manager), "/api/v1/customers/" + customer + "/care-visits", visit).status())
			.isEqualTo(201);
		assertThat(api
			.post(data.token(lead), "/api/v1/exports",
					Map.of("entity", "customers", "format", "CSV", "unmasked", true, "filter", Map.of("q", "西安")))
			.status()).isEqualTo(202);
	}

	/**
	 * Each role in both languages at both widths, as the administrator too: the sections
	 * of the role (in Chinese on a desktop), and every time nothing wider than the
	 * screen, no button label on two lines; the English top bar on one line at 1366 px.
	 */
	@Test
	void everyRolesStartPageFitsAPhoneAndALaptop() {
		Map<String, List<String>> sections = Map.of("sales",
				List.of("today-due", "today-handover-tasks", "my-customers"), "manager",
				List.of("today-due", "today-approvals", "today-alerts"), "service", List.of("today-care-visits"), "hr",
				List.of("today-departures"), "auditor", List.of("today-alerts"));
		this.browser.logIn("admin", TestData.ADMIN_PASSWORD);
		check("admin", List.of());
		this.roles.forEach((role, employee) -> {
			this.browser.logIn(employee.username(), TestData.PASSWORD);
			check(role, sections.get(role));
		});
	}

	private void check(String role, List<String> sections) {
		for (String language : List.of("zh_CN", "en")) {
			this.browser.viewport(Browser.DESKTOP);
			this.browser.open("/?lang=" + language);
			if (language.equals("zh_CN") && !role.equals("admin")) {
				for (String id : sections) {
					this.browser.find("#" + id);
				}
				boolean customersInMenu = !this.browser.driver().findElements(By.id("nav-customers")).isEmpty();
				assertThat(customersInMenu).as(role).isEqualTo(!role.equals("hr") && !role.equals("auditor"));
			}
			this.browser.assertFits(role + "-1366-" + language);
			this.browser.screenshot("home-" + role + "-1366-" + language);
			if (language.equals("en")) {
				Number spread = (Number) this.browser.driver().executeScript("""
						const centers = [...document.querySelectorAll('nav.navbar .navbar-brand, nav.navbar .nav-item')]
						  .filter(e => e.offsetParent !== null)
						  .map(e => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; });
						return Math.max(...centers) - Math.min(...centers);""");
				Number height = (Number) this.browser.driver()
					.executeScript("return document.querySelector('nav.navbar').getBoundingClientRect().height;");
				assertThat(spread.doubleValue()).as(role + ": the English top bar on one line").isLessThan(12);
				assertThat(height.doubleValue()).as(role + ": the English top bar is one line high").isLessThan(70);
			}
			this.browser.viewport(Browser.PHONE);
			this.browser.open("/?lang=" + language);
			this.browser.assertFits(role + "-375-" + language);
			this.browser.screenshot("home-" + role + "-375-" + language);
		}
	}

}
