package dev.holdfast.provisioning;

import java.time.Duration;
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
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Turning a user off at the identity provider, in each form providers send it, ends the
 * employee's web session and API token within a second and hands their customers over: to
 * the manager, else to the department's sales manager; without either, access still ends
 * and the customers stay in place for an administrator to move.
 */
@HoldfastIntegrationTest
class ScimDeprovisioningIntegrationTests {

	static final String OKTA = """
			{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
			 "Operations":[{"op":"replace","value":{"active":false}}]}""";

	static final String ENTRA = """
			{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
			 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	Scim scim;

	long department;

	TestData.Employee manager;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		String token = this.api.post(this.data.adminToken(), "/api/v1/scim-tokens", Map.of("name", "Entra ID"))
			.text("token");
		this.scim = new Scim(this.port, token);
		this.department = this.data.department("华东区", null);
		this.manager = this.data.employee("mgr", this.department, null, "SALES_MANAGER");
	}

	@Test
	void oktaDeactivationEndsAccessAndHandsCustomersToTheManager() {
		deactivatedWith("PATCH", OKTA);
	}

	@Test
	void entraDeactivationEndsAccessAndHandsCustomersToTheManager() {
		deactivatedWith("PATCH", ENTRA);
	}

	@Test
	void aPutWithActiveFalseEndsAccessToo() {
		deactivatedWith("PUT", null);
	}

	private void deactivatedWith(String method, String body) {
		TestData.Employee rep = this.data.employee("rep", this.department, this.manager.id(), "SALES");
		String token = this.data.token(rep);
		List<Long> customers = List.of(customerOf(token), customerOf(token));
		WebSession browser = new WebSession(this.port);
		browser.logIn(rep.username(), TestData.PASSWORD);
		assertThat(browser.get("/customers").statusCode()).isEqualTo(200);
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(200);

		String id = this.scim.get("/scim/v2/Users?filter=userName%20eq%20%22" + rep.username() + "%22")
			.body()
			.get("Resources")
			.get(0)
			.get("id")
			.asString();
		Scim.Reply reply = this.scim.send(method, "/scim/v2/Users/" + id, body != null ? body : """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":false}"""
			.formatted(rep.username()));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.body().get("active").asBoolean()).isFalse();
		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
			assertThat(browser.get("/customers").statusCode()).isEqualTo(302);
		});
		assertThat(this.api.get(this.data.adminToken(), "/api/v1/employees/" + rep.id()).text("status"))
			.isEqualTo("DEPARTED");
		for (long customer : customers) {
			assertThat(owner(customer)).isEqualTo(this.manager.id());
			assertThat(this.jdbc.sql("""
					select kind from customer_owner_history
					where customer_id = ? and old_owner_id = ? and new_owner_id = ?""")
				.params(customer, rep.id(), this.manager.id())
				.query(String.class)
				.list()).containsExactly("DEPARTURE");
		}
		assertThat(audited("SCIM_USER_DEACTIVATED", rep.id())).isEqualTo(1);
		assertThat(audited("EMPLOYEE_TERMINATED", null)).isPositive();

		Scim.Reply again = this.scim.send("PATCH", "/scim/v2/Users/" + id, OKTA);
		assertThat(again.status()).as("turning off twice is harmless").isEqualTo(200);
		assertThat(audited("SCIM_USER_DEACTIVATED", rep.id())).isEqualTo(1);
		ScimUsersIntegrationTests.assertError(this.scim.send("PATCH", "/scim/v2/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","path":"active","value":true}]}"""), 400, "invalidValue");
	}

	@Test
	void anEmployeeServingNoticeIsTerminatedOnTheirOpenCase() {
		TestData.Employee rep = this.data.employee("rep", this.department, this.manager.id(), "SALES");
		String token = this.data.token(rep);
		long customer = customerOf(token);
		Api.Response resigned = this.api.post(this.data.adminToken(), "/api/v1/employees/" + rep.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay",
						TestData.today().plusDays(30).toString(), "reason", "个人原因"));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(201);

		Scim.Reply reply = this.scim.send("PATCH", "/scim/v2/Users/" + rep.id(), ENTRA);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
		assertThat(owner(customer)).isEqualTo(this.manager.id());
		Api.Response offboarding = this.api.get(this.data.adminToken(), "/api/v1/offboarding/" + resigned.id());
		assertThat(offboarding.text("status")).isEqualTo("DEPARTED");
		assertThat(this.jdbc.sql("select count(*) from offboarding_case where employee_id = ?")
			.param(rep.id())
			.query(Long.class)
			.single()).as("no second case").isEqualTo(1);
	}

	@Test
	void withoutAManagerTheDepartmentsSalesManagerTakesTheCustomers() {
		TestData.Employee rep = this.data.employee("rep", this.department, null, "SALES");
		String token = this.data.token(rep);
		long customer = customerOf(token);

		Scim.Reply reply = this.scim.send("PATCH", "/scim/v2/Users/" + rep.id(), ENTRA);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
		assertThat(owner(customer)).isEqualTo(this.manager.id());
	}

	@Test
	void withNobodyToTakeOverAccessEndsAndTheCustomersStayForAnAdministrator() {
		TestData.Employee rep = this.data.employee("rep", null, null, "SALES");
		String token = this.data.token(rep);
		long customer = customerOf(token);

		Scim.Reply reply = this.scim.send("DELETE", "/scim/v2/Users/" + rep.id(), null);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
		assertThat(this.api.get(this.data.adminToken(), "/api/v1/employees/" + rep.id()).text("status"))
			.isEqualTo("DEPARTED");
		assertThat(owner(customer)).isEqualTo(rep.id());
		assertThat(audited("DEPROVISIONED_WITHOUT_SUCCESSOR", rep.id())).isEqualTo(1);
		assertThat(this.scim.get("/scim/v2/Users/" + rep.id()).body().get("active").asBoolean()).isFalse();
	}

	private long customerOf(String token) {
		Api.Response created = this.api.post(token, "/api/v1/customers", ScimUsersIntegrationTests.customer());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private long owner(long customer) {
		return this.jdbc.sql("select owner_id from customer where id = ?").param(customer).query(Long.class).single();
	}

	private long audited(String action, Long employeeId) {
		return this.jdbc.sql("""
				select count(*) from audit_event
				where action = ? and (cast(? as text) is null or target_id = cast(? as text))""")
			.params(action, employeeId, employeeId)
			.query(Long.class)
			.single();
	}

}
