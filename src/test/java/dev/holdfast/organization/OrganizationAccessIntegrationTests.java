package dev.holdfast.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may change the organisation: HR manages employment but can't hand out access or
 * take over administrative power; sales reps can't touch the organisation at all.
 */
@HoldfastIntegrationTest
class OrganizationAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	TestData.Employee hrEmployee;

	String hr;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.hrEmployee = this.data.employee("hr", null, null, "HR");
		this.hr = this.data.token(this.hrEmployee);
	}

	@Test
	void hrManagesEmploymentButGivesNoAccessToCustomers() {
		long department = this.data.department("HrDept", null);

		Api.Response created = this.api.post(this.hr, "/api/v1/employees", employee("hired", department, null));
		assertThat(created.status()).isEqualTo(201);
		Api.Response changed = this.api.patch(this.hr, "/api/v1/employees/" + created.id(),
				Map.of("displayName", "改名", "status", "LEAVING"));
		Api.Response granted = this.api.patch(this.hr, "/api/v1/employees/" + created.id(),
				Map.of("roles", List.of("SALES", "SERVICE")));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.text("status")).isEqualTo("LEAVING");
		assertThat(granted.status()).as("roles with customer permissions").isEqualTo(403);
		assertThat(this.api.get(this.hr, "/api/v1/employees/" + created.id()).body().get("roles").size()).isZero();
		assertThat(this.api.get(this.hr, "/api/v1/roles").status()).isEqualTo(200);
		assertThat(this.api.get(this.hr, "/api/v1/departments").status()).isEqualTo(200);
	}

	@Test
	void hrCannotGrantAdministrativeRoles() {
		String customAuditor = customRole("audit.read");
		TestData.Employee rep = this.data.employee("rep", null, null, "SALES");

		for (String role : List.of("ADMIN", "HR", "AUDITOR", customAuditor)) {
			long employees = count("employee");
			Api.Response create = this.api.post(this.hr, "/api/v1/employees", employee("escalate", null, role));
			assertThat(create.status()).as("create with %s", role).isEqualTo(403);
			assertThat(count("employee")).isEqualTo(employees);

			Api.Response grant = this.api.patch(this.hr, "/api/v1/employees/" + rep.id(),
					Map.of("roles", List.of("SALES", role)));
			assertThat(grant.status()).as("grant %s", role).isEqualTo(403);
			Api.Response self = this.api.patch(this.hr, "/api/v1/employees/" + this.hrEmployee.id(),
					Map.of("roles", List.of("HR", role)));
			assertThat(self.status()).as("grant %s to oneself", role).isEqualTo(403);
		}
		assertThat(this.api.get(this.data.adminToken(), "/api/v1/employees/" + rep.id()).body().get("roles").toString())
			.isEqualTo("[\"SALES\"]");
	}

	@Test
	void hrCannotTakeOverAnAdministratorsAccount() {
		TestData.Employee admin = this.data.employee("admin", null, null, "ADMIN");
		String path = "/api/v1/employees/" + admin.id();
		String before = this.api.get(this.data.adminToken(), path).raw();

		assertThat(this.api.patch(this.hr, path, Map.of("password", "taken-over-by-hr")).status()).isEqualTo(403);
		assertThat(this.api.patch(this.hr, path, Map.of("roles", List.of("SALES"))).status()).isEqualTo(403);
		assertThat(this.api.patch(this.hr, path, Map.of("status", "DEPARTED")).status()).isEqualTo(403);
		assertThat(this.api.patch(this.hr, path, Map.of("email", "hr@example.com")).status()).isEqualTo(403);

		assertThat(this.api.get(this.data.adminToken(), path).raw()).isEqualTo(before);
		assertThat(this.api.login(admin.username(), TestData.PASSWORD)).isNotBlank();
	}

	@Test
	void hrCannotManageRolesOrDepartments() {
		long roles = count("role");
		long departments = count("department");

		Api.Response role = this.api.post(this.hr, "/api/v1/roles", Map.of("code", TestData.unique("HR_ROLE_"), "name",
				"x", "dataScope", "SELF", "permissions", List.of("customer.edit")));
		Api.Response department = this.api.post(this.hr, "/api/v1/departments", Map.of("name", TestData.unique("d")));

		assertThat(role.status()).isEqualTo(403);
		assertThat(department.status()).isEqualTo(403);
		assertThat(count("role")).isEqualTo(roles);
		assertThat(count("department")).isEqualTo(departments);
	}

	@Test
	void aSalesRepIsRefusedEveryOrganisationEndpoint() {
		long department = this.data.department("SalesOnly", null);
		TestData.Employee rep = this.data.employee("rep", department, null, "SALES", "SERVICE");
		String token = this.data.token(rep);
		Map<String, Object> changes = Map.of("displayName", "me", "roles", List.of("SALES"));

		Map<String, Api.Response> answers = new HashMap<>();
		answers.put("GET departments", this.api.get(token, "/api/v1/departments"));
		answers.put("POST departments", this.api.post(token, "/api/v1/departments", Map.of("name", "x")));
		answers.put("GET employees", this.api.get(token, "/api/v1/employees"));
		answers.put("POST employees", this.api.post(token, "/api/v1/employees", employee("x", null, "SALES")));
		answers.put("GET employee", this.api.get(token, "/api/v1/employees/" + rep.id()));
		answers.put("PATCH employee", this.api.patch(token, "/api/v1/employees/" + rep.id(), changes));
		answers.put("PATCH other", this.api.patch(token, "/api/v1/employees/" + this.hrEmployee.id(), changes));
		answers.put("GET roles", this.api.get(token, "/api/v1/roles"));
		answers.put("POST roles", this.api.post(token, "/api/v1/roles", Map.of("code", "SALES_PLUS", "name", "x",
				"dataScope", "ALL", "permissions", List.of("customer.edit"))));

		answers.forEach((call, response) -> {
			assertThat(response.status()).as(call + " " + response.raw()).isEqualTo(403);
			assertThat(response.text("error")).isEqualTo("forbidden");
		});
	}

	@Test
	void anAuditorIsRefusedTheOrganisationEndpoints() {
		TestData.Employee auditor = this.data.employee("auditor", null, null, "AUDITOR");
		String token = this.data.token(auditor);

		assertThat(this.api.get(token, "/api/v1/employees").status()).isEqualTo(403);
		assertThat(
				this.api.patch(token, "/api/v1/employees/" + auditor.id(), Map.of("roles", List.of("ADMIN"))).status())
			.isEqualTo(403);
		assertThat(this.api.post(token, "/api/v1/departments", Map.of("name", "x")).status()).isEqualTo(403);
	}

	private String customRole(String... permissions) {
		String code = TestData.unique("CUSTOM_");
		Api.Response role = this.api.post(this.data.adminToken(), "/api/v1/roles",
				Map.of("code", code, "name", code, "dataScope", "SELF", "permissions", List.of(permissions)));
		assertThat(role.status()).isEqualTo(201);
		return code;
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static Map<String, Object> employee(String prefix, Long departmentId, String role) {
		Map<String, Object> form = new HashMap<>();
		form.put("username", TestData.unique(prefix));
		form.put("displayName", prefix);
		form.put("password", TestData.PASSWORD);
		form.put("departmentId", departmentId);
		form.put("roles", role == null ? List.of() : List.of(role));
		return form;
	}

}
