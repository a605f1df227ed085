package dev.holdfast.organization;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.ContextSwitch;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, hole 2: "HR can become anyone". The HR clerk tries, through the API and the
 * pages, to create a sales manager, to give an existing employee a scoped role, to reset
 * a manager's password, to remove an administrator's second factor and to bring back a
 * departed rep; each is refused with 403 and nothing is written. With four-eyes on
 * (switched on for this class, {@link FourEyesOn}), an administrator's change of access
 * waits until a second administrator approves it; the requester can't approve their own;
 * a reactivated rep must choose a new password before anything else.
 */
@HoldfastIntegrationTest
@ExtendWith(InsiderAttackHrIntegrationTests.FourEyesOn.class)
class InsiderAttackHrIntegrationTests {

	private static final String INITIAL_PASSWORD = "initial-password-回来了";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	String admin;

	Employee secondAdmin;

	String admin2;

	long sales;

	Employee manager;

	Employee rep;

	Employee hrClerk;

	String hr;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.admin = this.data.adminToken();
		this.secondAdmin = this.data.employee("admin", null, null);
		// four-eyes is on here: the first second administrator has to come from outside
		this.jdbc.sql("insert into employee_role (employee_id, role_id) select ?, id from role where code = 'ADMIN'")
			.param(this.secondAdmin.id())
			.update();
		this.admin2 = this.data.token(this.secondAdmin);
		this.sales = this.data.department("华东销售部", null);
		this.manager = approvedEmployee("east.manager", this.sales, null, "SALES_MANAGER");
		this.rep = approvedEmployee("east.sales", this.sales, this.manager.id(), "SALES");
		this.hrClerk = approvedEmployee("hr.manager", null, null, "HR");
		this.hr = this.data.token(this.hrClerk);
	}

	@Test
	void hrCannotCreateAnEmployeeWithAccessToCustomers() {
		for (List<String> roles : List.of(List.of("SALES_MANAGER"), List.of("SALES"), List.of("SALES", "SERVICE"))) {
			long employees = count("employee");
			long requests = count("approval_request");
			String username = TestData.unique("wang.lei");

			Api.Response created = this.api.post(this.hr, "/api/v1/employees", form(username, this.sales, roles));

			assertThat(created.status()).as("%s: %s", roles, created).isEqualTo(403);
			assertThat(count("employee")).isEqualTo(employees);
			assertThat(count("approval_request")).as("HR can't even ask").isEqualTo(requests);
			assertThat(login(username, TestData.PASSWORD).status()).isEqualTo(401);
		}

		WebSession browser = logIn(this.hrClerk);
		long employees = count("employee");
		String username = TestData.unique("zhao.min");
		HttpResponse<String> page = browser.post("/admin/employees",
				Map.of("username", username, "displayName", "赵敏", "password", TestData.PASSWORD, "departmentId",
						String.valueOf(this.sales), "roles", "SALES_MANAGER", "_csrf",
						csrf(browser, "/admin/employees/new")));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(count("employee")).isEqualTo(employees);
		assertThat(login(username, TestData.PASSWORD).status()).isEqualTo(401);

		Api.Response hired = this.api.post(this.hr, "/api/v1/employees",
				form(TestData.unique("li.qiang"), this.sales, List.of()));
		assertThat(hired.status()).as("hiring is HR's job").isEqualTo(201);
	}

	/**
	 * Issue 12, item 7: the employee form shows the service's refusal at a field, but a
	 * missing permission of the route is refused before the handler, with the error page,
	 * never the form (its lists of employees and roles).
	 */
	@Test
	void withoutThePermissionTheRouteRefusesBeforeAnyFormIsShown() {
		WebSession browser = logIn(this.rep);
		long employees = count("employee");
		HttpResponse<String> page = browser.post("/admin/employees",
				Map.of("username", TestData.unique("sun.wei"), "displayName", "孙伟", "password", TestData.PASSWORD,
						"departmentId", String.valueOf(this.sales), "roles", "SALES", "_csrf",
						csrf(browser, "/customers")));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).doesNotContain("id=\"emp-username\"").doesNotContain(this.manager.username());
		assertThat(count("employee")).isEqualTo(employees);
	}

	@Test
	void hrCannotGiveOrTakeAScopedRole() {
		Api.Response hired = this.api.post(this.hr, "/api/v1/employees",
				form(TestData.unique("sun.li"), this.sales, List.of()));
		long newcomer = hired.id();
		String rolesOfRep = roles(this.rep.id());

		assertThat(patch(this.hr, newcomer, Map.of("roles", List.of("SALES_MANAGER"))).status()).isEqualTo(403);
		assertThat(patch(this.hr, newcomer, Map.of("roles", List.of("SALES"))).status()).isEqualTo(403);
		assertThat(patch(this.hr, this.rep.id(), Map.of("roles", List.of("SALES", "SALES_MANAGER"))).status())
			.isEqualTo(403);
		assertThat(patch(this.hr, this.rep.id(), Map.of("roles", List.of())).status()).as("taking").isEqualTo(403);
		WebSession browser = logIn(this.hrClerk);
		HttpResponse<String> page = browser.post("/admin/employees/" + newcomer, Map.of("displayName", "孙丽", "roles",
				"SALES_MANAGER", "_csrf", csrf(browser, "/admin/employees/" + newcomer)));
		assertThat(page.statusCode()).isEqualTo(403);

		assertThat(roles(newcomer)).isEqualTo("[]");
		assertThat(roles(this.rep.id())).isEqualTo(rolesOfRep);
		assertThat(patch(this.hr, this.rep.id(), Map.of("displayName", "钱进", "departmentId", this.sales)).status())
			.as("employment stays HR's")
			.isEqualTo(200);
	}

	/**
	 * Found by the attacker after the first fix: HR moved a rep, then his manager, into
	 * another region, and that region's manager read and revealed their customers.
	 */
	@Test
	void hrCannotMoveSomeoneWithAccessToCustomersIntoAnotherRegion() {
		long south = this.data.department("华南销售部", null);
		Employee southManager = approvedEmployee("south.manager", south, null, "SALES_MANAGER");

		assertThat(patch(this.hr, this.rep.id(), Map.of("departmentId", south)).status()).isEqualTo(403);
		assertThat(patch(this.hr, this.manager.id(), Map.of("departmentId", south)).status()).isEqualTo(403);
		assertThat(patch(this.hr, this.rep.id(), Map.of("managerId", southManager.id())).status()).isEqualTo(403);
		assertThat(departmentOf(this.rep.id())).isEqualTo(this.sales);
		assertThat(departmentOf(this.manager.id())).isEqualTo(this.sales);
		assertThat(this.api.get(this.admin, "/api/v1/employees/" + this.rep.id()).body().get("managerId").asLong())
			.isEqualTo(this.manager.id());

		Api.Response asked = patch(this.admin, this.rep.id(), Map.of("departmentId", south));
		assertThat(asked.status()).as("an administrator's move waits for a second one").isEqualTo(202);
		assertThat(departmentOf(this.rep.id())).isEqualTo(this.sales);
		approve(asked.body().get("approvalId").asLong());
		assertThat(departmentOf(this.rep.id())).isEqualTo(south);
	}

	private long departmentOf(long employeeId) {
		return this.jdbc.sql("select department_id from employee where id = ?")
			.param(employeeId)
			.query(Long.class)
			.single();
	}

	@Test
	void aPasswordHrSetNeverCarriesOverIntoAccess() {
		String username = TestData.unique("zhou.jie");
		long hired = this.api.post(this.hr, "/api/v1/employees", form(username, this.sales, List.of())).id();
		assertThat(patch(this.hr, hired, Map.of("password", "hr-knows-this-one")).status()).isEqualTo(200);

		Api.Response withoutPassword = patch(this.admin, hired, Map.of("roles", List.of("SALES")));
		assertThat(withoutPassword.status()).as(withoutPassword.toString()).isEqualTo(400);
		assertThat(withoutPassword.raw()).contains("password");
		Api.Response asked = patch(this.admin, hired,
				Map.of("roles", List.of("SALES"), "password", "issued-by-the-admin"));
		assertThat(asked.status()).isEqualTo(202);
		approve(asked.body().get("approvalId").asLong());

		assertThat(roles(hired)).isEqualTo("[\"SALES\"]");
		assertThat(login(username, "hr-knows-this-one").status()).isEqualTo(401);
		assertThat(login(username, "issued-by-the-admin").status()).isEqualTo(200);
	}

	@Test
	void hrCannotResetAManagersPasswordAndLogInAsHim() {
		Api.Response reset = patch(this.hr, this.manager.id(), Map.of("password", "taken-over-by-hr"));
		WebSession browser = logIn(this.hrClerk);
		HttpResponse<String> page = browser.post("/admin/employees/" + this.manager.id(),
				Map.of("displayName", "测试经理", "roles", "SALES_MANAGER", "password", "taken-over-by-hr", "_csrf",
						csrf(browser, "/admin/employees/" + this.manager.id())));

		assertThat(reset.status()).isEqualTo(403);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(login(this.manager.username(), "taken-over-by-hr").status()).isEqualTo(401);
		assertThat(login(this.manager.username(), TestData.PASSWORD).status()).isEqualTo(200);
		assertThat(audited("ACCESS_DENIED", null)).isPositive();
	}

	@Test
	void hrCannotRemoveAnAdministratorsOrAManagersSecondFactor() {
		Employee itAdmin = approvedEmployee("it.admin", null, null, "ADMIN");
		for (Employee target : List.of(itAdmin, this.manager)) {
			enrolled(target);
			Api.Response removed = this.api.delete(this.hr, "/api/v1/employees/" + target.id() + "/two-factor");
			WebSession browser = logIn(this.hrClerk);
			HttpResponse<String> page = browser.post("/admin/employees/" + target.id() + "/two-factor/reset",
					Map.of("_csrf", csrf(browser, "/admin/employees/" + this.rep.id())));

			assertThat(removed.status()).as(removed.toString()).isEqualTo(403);
			assertThat(page.statusCode()).isEqualTo(403);
			assertThat(secondFactors(target.id())).isEqualTo(1);
		}
		assertThat(audited("TWO_FACTOR_RESET", itAdmin)).isZero();
	}

	@Test
	void hrCannotBringBackADepartedRep() {
		String oldToken = this.data.token(this.rep);
		assertThat(patch(this.hr, this.rep.id(), Map.of("status", "DEPARTED")).status()).isEqualTo(200);

		Api.Response back = patch(this.hr, this.rep.id(), Map.of("status", "ACTIVE", "password", INITIAL_PASSWORD));
		Api.Response onNotice = patch(this.hr, this.rep.id(), Map.of("status", "LEAVING"));
		WebSession browser = logIn(this.hrClerk);
		HttpResponse<String> page = browser.post("/admin/employees/" + this.rep.id(), Map.of("displayName", "测试",
				"roles", "SALES", "status", "ACTIVE", "_csrf", csrf(browser, "/admin/employees/" + this.rep.id())));

		assertThat(back.status()).isEqualTo(403);
		assertThat(onNotice.status()).isEqualTo(403);
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(this.api.get(this.admin, "/api/v1/employees/" + this.rep.id()).text("status")).isEqualTo("DEPARTED");
		assertThat(login(this.rep.username(), TestData.PASSWORD).status()).isEqualTo(401);
		assertThat(login(this.rep.username(), INITIAL_PASSWORD).status()).isEqualTo(401);
		assertThat(this.api.get(oldToken, "/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void anAdministratorsGrantWaitsForASecondAdministratorWhoIsNotTheRequester() {
		Api.Response asked = patch(this.admin, this.rep.id(), Map.of("roles", List.of("SALES", "SALES_MANAGER")));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
		long request = asked.body().get("approvalId").asLong();
		assertThat(roles(this.rep.id())).as("nothing changed yet").isEqualTo("[\"SALES\"]");

		Api.Response own = this.api.post(this.admin, "/api/v1/admin/approvals/" + request + "/approve", Map.of());
		assertThat(own.status()).isEqualTo(403);
		assertThat(this.api.post(this.hr, "/api/v1/admin/approvals/" + request + "/approve", Map.of()).status())
			.isEqualTo(403);
		assertThat(roles(this.rep.id())).isEqualTo("[\"SALES\"]");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(noticesOf(this.admin2))
				.contains("APPROVAL_REQUESTED /admin/approvals/" + request));
		assertThat(noticesOf(this.admin)).doesNotContain("APPROVAL_REQUESTED /admin/approvals/" + request);
		Api.Response pending = this.api.get(this.admin2, "/api/v1/admin/approvals?pending=true");
		assertThat(pending.raw()).contains("\"id\":" + request);

		Api.Response approved = this.api.post(this.admin2, "/api/v1/admin/approvals/" + request + "/approve", Map.of());

		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.text("status")).isEqualTo("APPROVED");
		assertThat(roles(this.rep.id())).isEqualTo("[\"SALES\",\"SALES_MANAGER\"]");
		assertThat(this.api.post(this.admin2, "/api/v1/admin/approvals/" + request + "/approve", Map.of()).status())
			.isEqualTo(409);
		assertThat(actorOf("EMPLOYEE_ROLES_CHANGED", this.rep.id())).isEqualTo(this.secondAdmin.id());
		assertThat(audited("APPROVAL_REQUESTED", request)).isEqualTo(1);
		assertThat(audited("APPROVAL_APPROVED", request)).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(noticesOf(this.admin)).contains("APPROVAL_DECIDED /admin/approvals/" + request));
	}

	@Test
	void theApprovalPagesShowTheRequestAndOnlyAnotherAdministratorDecides() {
		WebSession first = logIn("admin", TestData.ADMIN_PASSWORD);
		HttpResponse<String> saved = first.post("/admin/employees/" + this.manager.id(), Map.of("displayName", "测试经理",
				"roles", "SALES", "_csrf", csrf(first, "/admin/employees/" + this.manager.id())));
		assertThat(saved.statusCode()).isEqualTo(302);
		long request = latestRequest(this.manager.id());
		assertThat(roles(this.manager.id())).isEqualTo("[\"SALES_MANAGER\"]");

		HttpResponse<String> mine = first.get("/admin/approvals/" + request);
		assertThat(mine.body()).contains("id=\"approval-own\"").doesNotContain("id=\"approval-approve\"");
		assertThat(first.post("/admin/approvals/" + request + "/approve", Map.of("_csrf", WebSession.csrfToken(mine)))
			.statusCode()).isEqualTo(403);

		WebSession second = logIn(this.secondAdmin);
		HttpResponse<String> theirs = second.get("/admin/approvals/" + request);
		assertThat(theirs.body()).contains("id=\"approval-approve\"").contains("SALES_MANAGER");
		assertThat(second.get("/admin/approvals").body()).contains("approval-" + request);
		HttpResponse<String> rejected = second.post("/admin/approvals/" + request + "/reject",
				Map.of("note", "经理仍在任", "_csrf", WebSession.csrfToken(theirs)));

		assertThat(rejected.statusCode()).isEqualTo(302);
		assertThat(roles(this.manager.id())).isEqualTo("[\"SALES_MANAGER\"]");
		assertThat(this.api.get(this.admin2, "/api/v1/admin/approvals/" + request).text("status"))
			.isEqualTo("REJECTED");
		assertThat(logIn(this.hrClerk).get("/admin/approvals").statusCode()).isEqualTo(403);
	}

	@Test
	void anAdministratorsPasswordResetAndSecondFactorResetWaitToo() {
		enrolled(this.manager);
		Api.Response password = patch(this.admin, this.manager.id(), Map.of("password", "reset-by-the-admin"));
		Api.Response factor = this.api.delete(this.admin, "/api/v1/employees/" + this.manager.id() + "/two-factor");

		assertThat(password.status()).isEqualTo(202);
		assertThat(factor.status()).isEqualTo(202);
		assertThat(login(this.manager.username(), "reset-by-the-admin").status()).isEqualTo(401);
		assertThat(secondFactors(this.manager.id())).isEqualTo(1);

		approve(factor.body().get("approvalId").asLong());
		assertThat(secondFactors(this.manager.id())).isZero();
		approve(password.body().get("approvalId").asLong());
		assertThat(login(this.manager.username(), "reset-by-the-admin").status()).isEqualTo(200);
		assertThat(login(this.manager.username(), TestData.PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void aReactivatedRepMustChooseANewPasswordAndNothingOldComesBack() {
		String oldToken = this.data.token(this.rep);
		enrolled(this.rep);
		assertThat(patch(this.hr, this.rep.id(), Map.of("status", "DEPARTED")).status()).isEqualTo(200);
		assertThat(patch(this.admin, this.rep.id(), Map.of("status", "ACTIVE")).status()).as("no new initial password")
			.isEqualTo(400);

		Api.Response asked = patch(this.admin, this.rep.id(), Map.of("status", "ACTIVE", "password", INITIAL_PASSWORD));
		assertThat(asked.status()).isEqualTo(202);
		assertThat(this.api.get(this.admin, "/api/v1/employees/" + this.rep.id()).text("status")).isEqualTo("DEPARTED");
		approve(asked.body().get("approvalId").asLong());

		assertThat(this.api.get(this.admin, "/api/v1/employees/" + this.rep.id()).text("status")).isEqualTo("ACTIVE");
		assertThat(actorOf("EMPLOYEE_REACTIVATED", this.rep.id())).isEqualTo(this.secondAdmin.id());
		assertThat(login(this.rep.username(), TestData.PASSWORD).status()).as("the old password").isEqualTo(401);
		assertThat(this.api.get(oldToken, "/api/v1/me").status()).as("a token from before").isEqualTo(401);
		assertThat(secondFactors(this.rep.id())).isZero();
		Api.Response initial = login(this.rep.username(), INITIAL_PASSWORD);
		assertThat(initial.status()).isEqualTo(403);
		assertThat(initial.text("error")).isEqualTo("password_change_required");

		WebSession browser = logIn(this.rep.username(), INITIAL_PASSWORD);
		assertThat(browser.get("/customers").headers().firstValue("Location").orElseThrow())
			.endsWith("/security/password");
		HttpResponse<String> form = browser.get("/security/password");
		assertThat(form.body()).contains("id=\"password-change-required\"");
		assertThat(browser
			.post("/security/password",
					Map.of("currentPassword", INITIAL_PASSWORD, "password", INITIAL_PASSWORD, "repeat",
							INITIAL_PASSWORD, "_csrf", WebSession.csrfToken(form)))
			.statusCode()).as("the same password again: refused input, 422 (issue 12, item 7)").isEqualTo(422);
		HttpResponse<String> changed = browser.post("/security/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "password", "my-own-password-2026", "repeat",
						"my-own-password-2026", "_csrf", WebSession.csrfToken(form)));

		assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/login?passwordChanged");
		assertThat(browser.get("/customers").statusCode()).as("logged out").isEqualTo(302);
		assertThat(login(this.rep.username(), INITIAL_PASSWORD).status()).isEqualTo(401);
		assertThat(login(this.rep.username(), "my-own-password-2026").status()).isEqualTo(200);
	}

	private Employee approvedEmployee(String prefix, Long departmentId, Long managerId, String... roles) {
		String username = TestData.unique(prefix);
		Api.Response asked = this.api.post(this.admin, "/api/v1/employees",
				form(username, departmentId, List.of(roles), managerId));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
		long employeeId = approve(asked.body().get("approvalId").asLong()).body().get("employeeId").asLong();
		return new Employee(employeeId, username);
	}

	private Api.Response approve(long request) {
		Api.Response approved = this.api.post(this.admin2, "/api/v1/admin/approvals/" + request + "/approve", Map.of());
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		return approved;
	}

	private Api.Response patch(String token, long employeeId, Map<String, Object> changes) {
		return this.api.patch(token, "/api/v1/employees/" + employeeId, changes);
	}

	private Api.Response login(String username, String password) {
		return this.api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
	}

	private WebSession logIn(Employee employee) {
		return logIn(employee.username(), TestData.PASSWORD);
	}

	private WebSession logIn(String username, String password) {
		WebSession browser = new WebSession(this.port);
		assertThat(browser.logIn(username, password).headers().firstValue("Location").orElseThrow())
			.doesNotContain("error");
		return browser;
	}

	private static String csrf(WebSession browser, String page) {
		return WebSession.csrfToken(browser.get(page));
	}

	/** A confirmed second factor, as if enrolled (its secret is never used here). */
	private void enrolled(Employee employee) {
		this.jdbc.sql("insert into two_factor (employee_id, secret, confirmed_at) values (?, ?, now())")
			.params(employee.id(), new byte[] { 1, 2, 3 })
			.update();
	}

	private long secondFactors(long employeeId) {
		return this.jdbc.sql("select count(*) from two_factor where employee_id = ?")
			.param(employeeId)
			.query(Long.class)
			.single();
	}

	private String roles(long employeeId) {
		return this.api.get(this.admin, "/api/v1/employees/" + employeeId).body().get("roles").toString();
	}

	private List<String> noticesOf(String token) {
		Api.Response notices = this.api.get(token, "/api/v1/notifications?size=100");
		return notices.body()
			.get("items")
			.valueStream()
			.map(n -> n.get("kind").asString() + " " + n.get("link").asString())
			.toList();
	}

	private long latestRequest(long employeeId) {
		return this.jdbc.sql("select max(id) from approval_request where employee_id = ?")
			.param(employeeId)
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long audited(String action, Object target) {
		return this.jdbc
			.sql("select count(*) from audit_event where action = ? and (cast(? as text) is null or target_id = ?)")
			.params(action, target == null ? null : id(target), target == null ? null : id(target))
			.query(Long.class)
			.single();
	}

	private static String id(Object target) {
		return target instanceof Employee employee ? String.valueOf(employee.id()) : String.valueOf(target);
	}

	private long actorOf(String action, long employeeId) {
		return this.jdbc
			.sql("select actor_id from audit_event where action = ? and target_id = ? order by id desc limit 1")
			.params(action, String.valueOf(employeeId))
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> form(String username, Long departmentId, List<String> roles) {
		return form(username, departmentId, roles, null);
	}

	private static Map<String, Object> form(String username, Long departmentId, List<String> roles, Long managerId) {
		Map<String, Object> form = new HashMap<>();
		form.put("username", username);
		form.put("displayName", "王磊");
		form.put("password", TestData.PASSWORD);
		form.put("departmentId", departmentId);
		form.put("managerId", managerId);
		form.put("roles", roles);
		return form;
	}

	/** {@code holdfast.security.four-eyes=true} in the shared context, for this class. */
	static class FourEyesOn extends ContextSwitch {

		@Override
		protected Runnable apply(ApplicationContext context) {
			return replace(context, context.getBean(FourEyesProperties.class), new FourEyesProperties("true"));
		}

	}

}
