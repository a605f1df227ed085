package dev.holdfast.security;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee sees their open browser sessions and API tokens with device, address and
 * last use, and ends one; nobody else can end them but an administrator; an unused token
 * ends after the idle timeout.
 */
@HoldfastIntegrationTest
class SessionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	Employee rep;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.rep = this.data.employee("rep", this.data.department("南京销售部", null), null, "SALES");
	}

	@Test
	void anEmployeeSeesTheirLoginsAndEndsOneOnEveryInstanceAtOnce() {
		WebSession phone = new WebSession(this.port);
		phone.logIn(this.rep.username(), TestData.PASSWORD);
		WebSession laptop = new WebSession(this.port);
		laptop.logIn(this.rep.username(), TestData.PASSWORD);
		String token = this.data.token(this.rep);

		List<JsonNode> logins = logins(this.api.get(token, "/api/v1/me/sessions"));
		assertThat(logins).extracting(l -> l.get("kind").asString()).containsExactlyInAnyOrder("WEB", "WEB", "API");
		assertThat(logins).allSatisfy(l -> assertThat(l.get("ip").asString()).isNotBlank());
		assertThat(logins).filteredOn(l -> l.get("kind").asString().equals("WEB"))
			.allSatisfy(l -> assertThat(l.get("userAgent").asString()).isEqualTo("holdfast-tests-browser"));
		assertThat(logins).allSatisfy(l -> assertThat(l.get("id").asString()).hasSizeLessThan(30));

		String laptopId = idOnPage(laptop);
		String peer = this.data.token(this.data.employee("rep", null, null, "SALES"));
		assertThat(this.api.delete(peer, "/api/v1/me/sessions/" + laptopId).status()).isEqualTo(404);
		assertThat(laptop.get("/customers").statusCode()).isEqualTo(200);

		assertThat(this.api.delete(token, "/api/v1/me/sessions/" + laptopId).status()).isEqualTo(204);
		assertThat(laptop.get("/customers").statusCode()).as("the ended session").isEqualTo(302);
		assertThat(phone.get("/customers").statusCode()).as("the other session").isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'SESSION_ENDED' and target_id = ?")
			.param(String.valueOf(this.rep.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAdministratorEndsSomeonesTokenAndOthersMayNotLookAtIt() {
		String token = this.data.token(this.rep);
		String peer = this.data.token(this.data.employee("rep", null, null, "SALES"));
		String path = "/api/v1/employees/" + this.rep.id() + "/sessions";
		assertThat(this.api.get(peer, path).status()).isEqualTo(403);
		List<JsonNode> logins = logins(this.api.get(this.data.adminToken(), path));
		assertThat(logins).hasSize(1);
		String tokenId = logins.get(0).get("id").asString();
		assertThat(tokenId).startsWith("t-");
		assertThat(this.api.delete(peer, path + "/" + tokenId).status()).isEqualTo(403);
		assertThat(this.api.delete(this.data.adminToken(), path + "/" + tokenId).status()).isEqualTo(204);
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
		assertThat(this.api.delete(this.data.adminToken(), path + "/t-999999999").status()).isEqualTo(404);
		assertThat(this.api.delete(this.data.adminToken(), path + "/w-nothing").status()).isEqualTo(404);
	}

	@Test
	void aTokenUnusedForTheIdleTimeoutEnds() {
		String token = this.data.token(this.rep);
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(200);
		this.jdbc.sql("""
				update api_token set last_used_at = now() - interval '4 hours 1 minute',
				       created_at = now() - interval '5 hours'
				where employee_id = ?""").param(this.rep.id()).update();
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
	}

	private static List<JsonNode> logins(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> logins = new ArrayList<>();
		response.body().forEach(logins::add);
		return logins;
	}

	/** The id of the session the page was shown in, as its list marks it. */
	private static String idOnPage(WebSession session) {
		String page = session.get("/security/sessions").body();
		java.util.regex.Matcher current = java.util.regex.Pattern
			.compile("data-session=\"(w-[0-9a-f]+)\" data-current=\"true\"")
			.matcher(page);
		assertThat(current.find()).as(page).isTrue();
		return current.group(1);
	}

}
