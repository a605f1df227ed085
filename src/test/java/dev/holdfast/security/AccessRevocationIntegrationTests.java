package dev.holdfast.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A departure or a role taken away takes effect on the very next request, even for a
 * token issued before; a departure or a password reset ends every earlier token for good.
 */
@HoldfastIntegrationTest
class AccessRevocationIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	TestData data;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void aDepartedEmployeeLosesAccessOnTheNextRequest() {
		TestData.Employee leaver = this.data.employee("leaver", null, null, "SALES");
		String token = this.data.token(leaver);
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(200);

		Api.Response departed = this.api.patch(this.data.adminToken(), "/api/v1/employees/" + leaver.id(),
				Map.of("status", "DEPARTED"));
		assertThat(departed.status()).isEqualTo(200);

		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
		assertThat(this.api.delete(token, "/api/v1/auth/token").status()).isEqualTo(401);
	}

	@Test
	void bringingADepartedEmployeeBackDoesNotBringBackTheirOldTokensNorTheirPassword() {
		TestData.Employee returner = this.data.employee("returner", null, null, "SALES");
		String old = this.data.token(returner);
		String admin = this.data.adminToken();
		this.api.patch(admin, "/api/v1/employees/" + returner.id(), Map.of("status", "DEPARTED"));
		assertThat(this.api.patch(admin, "/api/v1/employees/" + returner.id(), Map.of("status", "ACTIVE")).status())
			.as("only with a new initial password")
			.isEqualTo(400);
		assertThat(this.api
			.patch(admin, "/api/v1/employees/" + returner.id(),
					Map.of("status", "ACTIVE", "password", "initial-password-for-returner"))
			.status()).isEqualTo(200);

		assertThat(this.api.get(old, "/api/v1/me").status()).isEqualTo(401);
		Api.Response oldPassword = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", returner.username(), "password", TestData.PASSWORD));
		assertThat(oldPassword.status()).isEqualTo(401);
		Api.Response initial = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", returner.username(), "password", "initial-password-for-returner"));
		assertThat(initial.status()).isEqualTo(403);
		assertThat(initial.text("error")).isEqualTo("password_change_required");
	}

	@Test
	void aPasswordResetEndsTheTokensIssuedBeforeIt() {
		TestData.Employee employee = this.data.employee("reset", null, null, "SALES");
		String old = this.data.token(employee);
		this.api.patch(this.data.adminToken(), "/api/v1/employees/" + employee.id(),
				Map.of("password", "a-brand-new-password"));

		assertThat(this.api.get(old, "/api/v1/me").status()).isEqualTo(401);
		assertThat(this.api.get(this.api.login(employee.username(), "a-brand-new-password"), "/api/v1/me").status())
			.isEqualTo(200);
	}

	@Test
	void anEmployeeServingNoticeKeepsAccess() {
		TestData.Employee leaving = this.data.employee("notice", null, null, "SALES");
		String token = this.data.token(leaving);

		this.api.patch(this.data.adminToken(), "/api/v1/employees/" + leaving.id(), Map.of("status", "LEAVING"));

		Api.Response me = this.api.get(token, "/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("status")).isEqualTo("LEAVING");
	}

	@Test
	void aRoleTakenAwayTakesEffectOnTheNextRequest() {
		TestData.Employee hr = this.data.employee("hr", null, null, "HR");
		String token = this.data.token(hr);
		assertThat(this.api.get(token, "/api/v1/employees/" + hr.id()).status()).isEqualTo(200);

		Api.Response demoted = this.api.patch(this.data.adminToken(), "/api/v1/employees/" + hr.id(),
				Map.of("roles", List.of("SALES")));
		assertThat(demoted.status()).isEqualTo(200);

		assertThat(this.api.get(token, "/api/v1/employees/" + hr.id()).status()).isEqualTo(403);
		assertThat(this.api.get(token, "/api/v1/employees").status()).isEqualTo(403);
		Api.Response me = this.api.get(token, "/api/v1/me");
		assertThat(me.body().get("roles").toString()).isEqualTo("[\"SALES\"]");
		assertThat(me.body().get("permissions").toString()).doesNotContain("employee.manage");
	}

	@Test
	void aRoleGrantedTakesEffectOnTheNextRequest() {
		TestData.Employee promoted = this.data.employee("promoted", null, null, "SALES");
		String token = this.data.token(promoted);
		assertThat(this.api.get(token, "/api/v1/audit-events").status()).isEqualTo(403);

		this.api.patch(this.data.adminToken(), "/api/v1/employees/" + promoted.id(),
				Map.of("roles", List.of("SALES", "AUDITOR")));

		assertThat(this.api.get(token, "/api/v1/audit-events").status()).isEqualTo(200);
	}

}
