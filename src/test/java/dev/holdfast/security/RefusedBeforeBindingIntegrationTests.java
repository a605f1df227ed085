package dev.holdfast.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route's declared permission is checked before Spring binds the request: a rep who
 * posts nonsense to an administrator's form gets the 403 page, never a binding error and
 * never the form page that would be shown again with it (the roles page lists every
 * role's scope and permissions).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedBeforeBindingIntegrationTests {

	@LocalServerPort
	int port;

	private Company company;

	private WebSession rep;

	private String csrf;

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port)).company("华中区", "武汉销售一组", "东北区");
		this.rep = new WebSession(this.port);
		Employee owner = this.company.owner;
		this.rep.logIn(owner.username(), TestData.PASSWORD);
		this.csrf = WebSession.csrfToken(this.rep.get("/"));
	}

	@Test
	void anEmptyOrMistypedAdministratorsFormIsRefusedNotShownAgain() {
		Map<String, Map<String, String>> attempts = Map.of("/admin/roles", Map.of("name", "黑客角色"), "/admin/departments",
				Map.of("name", "黑客部门", "parentId", "abc"), "/admin/pools", Map.of("departmentId", "abc"),
				"/admin/agreements", Map.of("graceDays", "abc"));
		attempts.forEach((path, fields) -> {
			Map<String, String> form = new java.util.HashMap<>(fields);
			form.put("_csrf", this.csrf);
			HttpResponse<String> answer = this.rep.post(path, form);
			assertThat(answer.statusCode()).as(path).isEqualTo(403);
			assertThat(answer.body()).as(path).doesNotContain("name=\"dataScope\"").doesNotContain("is-invalid");
		});
	}

	@Test
	void theApiRefusesAMalformedBodyOfARouteTheCallerMayNotUse() {
		Api api = new Api(this.port);
		String token = this.company.token(this.company.owner);
		Api.Response roles = api.sendRaw(token, "POST", "/api/v1/roles", "{\"code\": 42, \"dataScope\": \"NOPE\"");
		assertThat(roles.status()).as(roles.toString()).isEqualTo(403);
	}

}
