package dev.holdfast.organization;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
 * Bad input gets 400 with a message for each bad field, and nothing is written.
 */
@HoldfastIntegrationTest
class OrganizationValidationIntegrationTests {

	/** What an organisation request could write, including its audit events. */
	private static final Map<String, String> WRITES = Map.of("department", "select count(*) from department",
			"employee", "select count(*) from employee", "employee_role", "select count(*) from employee_role", "role",
			"select count(*) from role", "role_permission", "select count(*) from role_permission", "audit_event",
			"select count(*) from audit_event where target_type in ('employee', 'role', 'department')");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	String admin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.admin = this.data.adminToken();
	}

	@Test
	void aNewEmployeeWithBadFieldsIsRefusedFieldByField() {
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("username", ""))), "username");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("username", "a b c"))), "username");
		Map<String, Object> missing = employee(Map.of());
		missing.remove("username");
		assertRefused(() -> post("/api/v1/employees", missing), "username");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("displayName", "长".repeat(101)))), "displayName");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("password", "short"))), "password");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("email", "not-an-email"))), "email");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("phone", "12345"))), "phone");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("roles", List.of("SALES", "NO_SUCH_ROLE")))),
				"roles");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("departmentId", 987654321))), "departmentId");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("departmentId", "sales"))), "departmentId");
		assertRefused(() -> post("/api/v1/employees", employee(Map.of("managerId", 987654321))), "managerId");
	}

	@Test
	void everyBadFieldIsNamedAtOnce() {
		Api.Response response = assertRefused(
				() -> post("/api/v1/employees",
						employee(Map.of("username", "?", "displayName", "", "password", "short", "email", "x"))),
				"username");

		assertThat(response.body().get("fields").propertyNames()).contains("username", "displayName", "password",
				"email");
	}

	@Test
	void malformedJsonIsRefused() {
		Api.Response response = assertRefused(
				() -> this.api.sendRaw(this.admin, "POST", "/api/v1/employees", "{not json"), "body");

		assertThat(response.text("message")).isNotBlank();
		assertRefused(() -> this.api.sendRaw(this.admin, "POST", "/api/v1/roles", "[1, 2"), "body");
		assertRefused(() -> this.api.sendRaw(this.admin, "POST", "/api/v1/departments", ""), "body");
	}

	@Test
	void aChangeWithBadFieldsIsRefusedAndChangesNothing() {
		TestData.Employee employee = this.data.employee("patchme", null, null, "SALES");
		String path = "/api/v1/employees/" + employee.id();
		String before = this.api.get(this.admin, path).raw();

		assertRefused(() -> this.api.patch(this.admin, path, Map.of("status", "X")), "status");
		assertRefused(() -> this.api.patch(this.admin, path, Map.of("displayName", "")), "displayName");
		assertRefused(() -> this.api.patch(this.admin, path, Map.of("displayName", "x".repeat(101))), "displayName");
		assertRefused(() -> this.api.patch(this.admin, path, Map.of("displayName", "new", "phone", "+86 123")),
				"phone");
		assertRefused(() -> this.api.patch(this.admin, path, Map.of("displayName", "new", "roles", List.of("NOPE"))),
				"roles");
		assertRefused(() -> this.api.patch(this.admin, path, Map.of("displayName", "new", "departmentId", 987654321)),
				"departmentId");
		assertRefused(() -> this.api.patch(this.admin, path, Map.of("password", "short")), "password");
		assertRefused(() -> this.api.sendRaw(this.admin, "PATCH", path, "{\"displayName\": "), null);

		assertThat(this.api.get(this.admin, path).raw()).isEqualTo(before);
	}

	@Test
	void aRoleWithBadFieldsIsRefused() {
		assertRefused(() -> post("/api/v1/roles", role(Map.of("dataScope", "WRONG"))), "dataScope");
		assertRefused(() -> post("/api/v1/roles", role(Map.of("code", "lower_case"))), "code");
		assertRefused(() -> post("/api/v1/roles", role(Map.of("name", "n".repeat(101)))), "name");
		assertRefused(() -> post("/api/v1/roles", role(Map.of("permissions", List.of("customer.edit", "root")))),
				"permissions");
		Map<String, Object> noScope = role(Map.of());
		noScope.remove("dataScope");
		assertRefused(() -> post("/api/v1/roles", noScope), "dataScope");
	}

	@Test
	void aDepartmentWithBadFieldsIsRefused() {
		assertRefused(() -> post("/api/v1/departments", Map.of("name", " ")), "name");
		assertRefused(() -> post("/api/v1/departments", Map.of("name", "部".repeat(101))), "name");
		assertRefused(() -> post("/api/v1/departments", Map.of("name", TestData.unique("d"), "parentId", 987654321)),
				"parentId");
	}

	@Test
	void badPagingIsRefused() {
		assertRefused(() -> this.api.get(this.admin, "/api/v1/employees?size=0"), "size");
		assertRefused(() -> this.api.get(this.admin, "/api/v1/employees?size=201"), "size");
		assertRefused(() -> this.api.get(this.admin, "/api/v1/employees?page=-1"), "page");
		assertRefused(() -> this.api.get(this.admin, "/api/v1/employees?page=2147483647"), "page");
		assertRefused(() -> this.api.get(this.admin, "/api/v1/notifications?page=107374183"), "page");
		assertRefused(() -> this.api.get(this.admin, "/api/v1/employees?page=abc"), "page");
	}

	/**
	 * Sends the request and checks it is refused with a message for the field (when one
	 * is named) and that no table changed.
	 */
	private Api.Response assertRefused(Supplier<Api.Response> request, String field) {
		Map<String, Long> before = counts();
		Api.Response response = request.get();
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.text("error")).isEqualTo("validation");
		assertThat(response.body().get("fields").isObject()).isTrue();
		assertThat(response.body().get("fields").size()).isPositive();
		if (field != null) {
			assertThat(response.body().get("fields").get(field)).as("a message for %s in %s", field, response.raw())
				.isNotNull();
			assertThat(response.body().get("fields").get(field).asString()).isNotBlank();
		}
		assertThat(counts()).as("nothing written").isEqualTo(before);
		return response;
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		WRITES.forEach((table, sql) -> counts.put(table, this.jdbc.sql(sql).query(Long.class).single()));
		return counts;
	}

	private Api.Response post(String path, Object body) {
		return this.api.post(this.admin, path, body);
	}

	private static Map<String, Object> employee(Map<String, Object> overrides) {
		Map<String, Object> form = new HashMap<>();
		form.put("username", TestData.unique("valid"));
		form.put("displayName", "有效");
		form.put("password", TestData.PASSWORD);
		form.put("roles", List.of("SALES"));
		form.putAll(overrides);
		return form;
	}

	private static Map<String, Object> role(Map<String, Object> overrides) {
		Map<String, Object> form = new HashMap<>();
		form.put("code", TestData.unique("VALID_"));
		form.put("name", "valid");
		form.put("dataScope", "SELF");
		form.put("permissions", List.of("customer.edit"));
		form.putAll(overrides);
		return form;
	}

}
