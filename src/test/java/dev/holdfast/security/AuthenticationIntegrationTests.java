package dev.holdfast.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

@HoldfastIntegrationTest
class AuthenticationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Api api;

	TestData data;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void issuesATokenThatIdentifiesTheEmployee() {
		long department = this.data.department("Auth", null);
		TestData.Employee rep = this.data.employee("rep", department, null, "SALES");

		Api.Response issued = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", rep.username(), "password", TestData.PASSWORD));

		assertThat(issued.status()).isEqualTo(200);
		assertThat(issued.text("token")).hasSizeGreaterThanOrEqualTo(40);
		assertThat(Instant.parse(issued.text("expiresAt"))).isAfter(Instant.now().plus(1, ChronoUnit.HOURS));
		Api.Response me = this.api.get(issued.text("token"), "/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.id()).isEqualTo(rep.id());
		assertThat(me.text("username")).isEqualTo(rep.username());
		assertThat(me.text("displayName")).isEqualTo("测试" + rep.username());
		assertThat(me.body().get("departmentId").asLong()).isEqualTo(department);
		assertThat(me.body().get("roles").toString()).isEqualTo("[\"SALES\"]");
		assertThat(me.text("status")).isEqualTo("ACTIVE");
	}

	@Test
	void everyApiEndpointRefusesACallWithoutAValidToken() {
		TestData.Employee rep = this.data.employee("revoked", null, null, "SALES");
		String revoked = this.data.token(rep);
		assertThat(this.api.delete(revoked, "/api/v1/auth/token").status()).isEqualTo(204);
		String expired = expiredToken(rep.id());
		List<String[]> endpoints = apiEndpoints();
		assertThat(endpoints).hasSizeGreaterThanOrEqualTo(10);

		for (String[] endpoint : endpoints) {
			for (String token : new String[] { null, "garbage-" + TestData.unique("t"), revoked, expired }) {
				Api.Response response = this.api.sendRaw(token, endpoint[0], endpoint[1], "{}");
				assertThat(response.status()).as("%s %s with token %s", endpoint[0], endpoint[1], token).isEqualTo(401);
				assertThat(response.text("error")).isEqualTo("unauthorized");
			}
		}
	}

	@Test
	void anUnknownPathUnderTheApiAnswers401BeforeRevealingWhetherItExists() {
		Api.Response response = this.api.get(null, "/api/v1/" + TestData.unique("nothing-here"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.text("error")).isEqualTo("unauthorized");
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnce() {
		TestData.Employee rep = this.data.employee("revoke", null, null, "SALES");
		String token = this.data.token(rep);
		String other = this.data.token(rep);
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(200);

		assertThat(this.api.delete(token, "/api/v1/auth/token").status()).isEqualTo(204);

		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
		assertThat(this.api.get(other, "/api/v1/me").status()).as("only the revoked token is affected").isEqualTo(200);
	}

	@Test
	void anUnknownUserAndAWrongPasswordFailAlike() {
		TestData.Employee rep = this.data.employee("alike", null, null, "SALES");

		Api.Response wrongPassword = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", rep.username(), "password", "not-the-password"));
		Api.Response unknownUser = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", TestData.unique("nobody"), "password", "not-the-password"));

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(unknownUser.raw()).isEqualTo(wrongPassword.raw());
		assertThat(wrongPassword.raw()).doesNotContain(rep.username());
	}

	@Test
	void aDepartedEmployeeFailsLikeAnUnknownUser() {
		TestData.Employee rep = this.data.employee("gone", null, null, "SALES");
		this.api.patch(this.data.adminToken(), "/api/v1/employees/" + rep.id(), Map.of("status", "DEPARTED"));

		Api.Response departed = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", rep.username(), "password", TestData.PASSWORD));
		Api.Response unknown = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", TestData.unique("nobody"), "password", TestData.PASSWORD));

		assertThat(departed.status()).isEqualTo(401);
		assertThat(departed.raw()).isEqualTo(unknown.raw());
	}

	@Test
	void onlyTheHashOfATokenIsStored() {
		TestData.Employee rep = this.data.employee("hashed", null, null, "SALES");
		String token = this.data.token(rep);

		long rawAnywhere = this.jdbc.sql("select count(*) from api_token t where t::text like ?")
			.param("%" + token + "%")
			.query(Long.class)
			.single();
		long byHash = this.jdbc.sql("select count(*) from api_token where token_hash = ? and employee_id = ?")
			.params(ApiTokens.hash(token), rep.id())
			.query(Long.class)
			.single();

		assertThat(rawAnywhere).isZero();
		assertThat(byHash).isEqualTo(1);
	}

	@Test
	void aTokenIsNotAcceptedOutsideTheAuthorizationHeaderScheme() {
		TestData.Employee rep = this.data.employee("scheme", null, null, "SALES");
		String token = this.data.token(rep);

		assertThat(this.api.get(token + "x", "/api/v1/me").status()).isEqualTo(401);
		assertThat(this.api.get(ApiTokens.hash(token), "/api/v1/me").status()).as("the stored hash is no token")
			.isEqualTo(401);
	}

	private String expiredToken(long employeeId) {
		String token = TestData.unique("expired-token-");
		this.jdbc.sql("insert into api_token (employee_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
			.params(employeeId, ApiTokens.hash(token), Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS)),
					Timestamp.from(Instant.now().minusSeconds(60)))
			.update();
		return token;
	}

	/**
	 * Every REST endpoint of the application, found from its mappings, so that a new one
	 * is covered the day it appears.
	 */
	private List<String[]> apiEndpoints() {
		List<String[]> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/v1/")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]*}", "1");
				var methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
					if (!(method == RequestMethod.POST && path.equals("/api/v1/auth/token"))) {
						endpoints.add(new String[] { method.name(), path });
					}
				}
			}
		}
		return endpoints;
	}

}
