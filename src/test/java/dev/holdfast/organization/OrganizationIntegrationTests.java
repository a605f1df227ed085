package dev.holdfast.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Departments, employees and roles through the API as the administrator.
 */
@HoldfastIntegrationTest
class OrganizationIntegrationTests {

	@LocalServerPort
	int port;

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
	void departmentsFormATree() {
		long root = this.data.department("Root", null);
		long child = this.data.department("Child", root);
		long grandchild = this.data.department("Grandchild", child);

		Api.Response list = this.api.get(this.admin, "/api/v1/departments");

		assertThat(list.status()).isEqualTo(200);
		Map<Long, Long> parents = new HashMap<>();
		list.body()
			.forEach(d -> parents.put(d.get("id").asLong(),
					d.get("parentId").isNull() ? null : d.get("parentId").asLong()));
		assertThat(parents).containsEntry(root, null).containsEntry(child, root).containsEntry(grandchild, child);
	}

	@Test
	void aDepartmentNameIsUniqueAmongItsSiblingsOnly() {
		long first = this.data.department("Parent", null);
		long second = this.data.department("Parent", null);
		String name = TestData.unique("销售部");
		assertThat(this.api.post(this.admin, "/api/v1/departments", Map.of("name", name, "parentId", first)).status())
			.isEqualTo(201);

		Api.Response duplicate = this.api.post(this.admin, "/api/v1/departments",
				Map.of("name", name.toUpperCase() + " ", "parentId", first));
		Api.Response elsewhere = this.api.post(this.admin, "/api/v1/departments",
				Map.of("name", name, "parentId", second));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(elsewhere.status()).isEqualTo(201);
	}

	@Test
	void createsReadsAndUpdatesAnEmployee() {
		long department = this.data.department("Sales", null);
		TestData.Employee manager = this.data.employee("boss", department, null, "SALES_MANAGER");
		String username = TestData.unique("Zhang.San");
		Map<String, Object> form = new HashMap<>();
		form.put("username", username);
		form.put("displayName", " 张三 ");
		form.put("password", TestData.PASSWORD);
		form.put("departmentId", department);
		form.put("managerId", manager.id());
		form.put("roles", List.of("SALES", "SERVICE"));
		form.put("email", "zhang.san@example.com");
		form.put("phone", "13812345678");

		Api.Response created = this.api.post(this.admin, "/api/v1/employees", form);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.raw()).doesNotContain(TestData.PASSWORD).doesNotContainIgnoringCase("passwordHash");
		Api.Response read = this.api.get(this.admin, "/api/v1/employees/" + created.id());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.text("username")).as("stored in its canonical form")
			.isEqualTo(username.toLowerCase(Locale.ROOT));
		assertThat(read.text("displayName")).isEqualTo("张三");
		assertThat(read.body().get("departmentId").asLong()).isEqualTo(department);
		assertThat(read.body().get("managerId").asLong()).isEqualTo(manager.id());
		assertThat(read.body().get("roles").toString()).isEqualTo("[\"SALES\",\"SERVICE\"]");
		assertThat(read.text("status")).isEqualTo("ACTIVE");
		assertThat(this.api.login(username, TestData.PASSWORD)).isNotBlank();

		Api.Response patched = this.api.patch(this.admin, "/api/v1/employees/" + created.id(),
				Map.of("displayName", "张三丰", "clearManager", true, "roles", List.of("SALES")));

		assertThat(patched.status()).isEqualTo(200);
		Api.Response after = this.api.get(this.admin, "/api/v1/employees/" + created.id());
		assertThat(after.text("displayName")).isEqualTo("张三丰");
		assertThat(after.body().get("managerId").isNull()).isTrue();
		assertThat(after.body().get("roles").toString()).isEqualTo("[\"SALES\"]");
		assertThat(after.text("email")).as("fields left out stay").isEqualTo("zhang.san@example.com");
		assertThat(after.body().get("version").asLong()).isGreaterThan(read.body().get("version").asLong());
	}

	@Test
	void employeesCanBeSearched() {
		long department = this.data.department("Search", null);
		TestData.Employee found = this.data.employee("findme", department, null, "SALES");
		this.data.employee("other", department, null, "SALES");

		Api.Response page = this.api.get(this.admin, "/api/v1/employees?q=" + found.username() + "&size=5");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().get("total").asLong()).isEqualTo(1);
		assertThat(page.body().get("items").get(0).get("id").asLong()).isEqualTo(found.id());
		Api.Response byDepartment = this.api.get(this.admin, "/api/v1/employees?departmentId=" + department);
		assertThat(byDepartment.body().get("total").asLong()).isEqualTo(2);
	}

	@Test
	void anUnknownEmployeeIs404() {
		assertThat(this.api.get(this.admin, "/api/v1/employees/987654321").status()).isEqualTo(404);
		assertThat(this.api.patch(this.admin, "/api/v1/employees/987654321", Map.of("displayName", "x")).status())
			.isEqualTo(404);
	}

	@Test
	void aDuplicateUsernameIs409WhateverItsCase() {
		TestData.Employee existing = this.data.employee("dup", null, null, "SALES");
		Map<String, Object> form = Map.of("username", existing.username().toUpperCase(), "displayName", "Dup",
				"password", TestData.PASSWORD);

		Api.Response duplicate = this.api.post(this.admin, "/api/v1/employees", form);

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.text("error")).isEqualTo("duplicate");
	}

	@Test
	void aStaleVersionIs409AndChangesNothing() {
		TestData.Employee employee = this.data.employee("stale", null, null, "SALES");
		long version = this.api.get(this.admin, "/api/v1/employees/" + employee.id()).body().get("version").asLong();
		this.api.patch(this.admin, "/api/v1/employees/" + employee.id(), Map.of("displayName", "first"));

		Api.Response stale = this.api.patch(this.admin, "/api/v1/employees/" + employee.id(),
				Map.of("displayName", "second", "version", version));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(this.api.get(this.admin, "/api/v1/employees/" + employee.id()).text("displayName"))
			.isEqualTo("first");
	}

	@Test
	void createsACustomRole() {
		String code = TestData.unique("KEY_ACCOUNT_");
		Map<String, Object> form = Map.of("code", code, "name", "大客户", "dataScope", "DEPARTMENT", "permissions",
				List.of("customer.create", "customer.edit"));

		Api.Response created = this.api.post(this.admin, "/api/v1/roles", form);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("dataScope")).isEqualTo("DEPARTMENT");
		assertThat(created.body().get("builtIn").asBoolean()).isFalse();
		Api.Response roles = this.api.get(this.admin, "/api/v1/roles");
		assertThat(roles.status()).isEqualTo(200);
		assertThat(roles.raw()).contains("\"" + code + "\"", "\"ADMIN\"", "\"SALES\"");
		assertThat(this.api.post(this.admin, "/api/v1/roles", form).status()).as("same code again").isEqualTo(409);
		TestData.Employee holder = this.data.employee("custom", null, null, code);
		Api.Response me = this.api.get(this.data.token(holder), "/api/v1/me");
		assertThat(me.body().get("permissions").toString()).isEqualTo("[\"customer.create\",\"customer.edit\"]");
	}

	@Test
	void aReportingLoopIsRefused() {
		TestData.Employee a = this.data.employee("loopA", null, null, "SALES");
		TestData.Employee b = this.data.employee("loopB", null, a.id(), "SALES");
		TestData.Employee c = this.data.employee("loopC", null, b.id(), "SALES");

		Api.Response direct = this.api.patch(this.admin, "/api/v1/employees/" + a.id(), Map.of("managerId", b.id()));
		Api.Response indirect = this.api.patch(this.admin, "/api/v1/employees/" + a.id(), Map.of("managerId", c.id()));
		Api.Response self = this.api.patch(this.admin, "/api/v1/employees/" + a.id(), Map.of("managerId", a.id()));

		for (Api.Response refused : List.of(direct, indirect, self)) {
			assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
			assertThat(refused.body().get("fields").get("managerId")).isNotNull();
		}
		assertThat(this.api.get(this.admin, "/api/v1/employees/" + a.id()).body().get("managerId").isNull()).isTrue();
	}

}
