package dev.holdfast.agreement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Customer data stays closed, in the API and on the pages, until the employee accepts the
 * current version of the agreement their role requires; a new version leaves a grace
 * period; acceptances can't be changed.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementGateIntegrationTests {

	/**
	 * Some routes with customer data, API and pages; every route is walked by
	 * {@link InsiderAttackGateIntegrationTests}.
	 */
	static final List<String> API = List.of("/api/v1/customers", "/api/v1/customers/1", "/api/v1/customers/1/contacts",
			"/api/v1/follow-ups/1/attachments", "/api/v1/attachments/1", "/api/v1/exports", "/api/v1/pool/customers",
			"/api/v1/know-how", "/api/v1/care-visits", "/api/v1/handover-tasks", "/api/v1/reminders",
			"/api/v1/complaints", "/api/v1/notifications", "/api/v1/dashboard", "/api/v1/key-accounts/violations",
			"/api/v1/care/coverage");

	static final List<String> PAGES = List.of("/customers", "/customers/1", "/pool", "/exports", "/reminders",
			"/know-how", "/dashboard", "/care-visits", "/handover-tasks", "/complaints", "/notifications",
			"/key-accounts", "/care/coverage");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Obligations obligations;

	@Autowired
	TransactionTemplate transactions;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void customerDataIsClosedUntilTheCurrentVersionIsAccepted() {
		Company company = TestData.given(this.api).company("华东销售部", "华东销售一组", "华南销售部");
		String role = company.data.agreementRole();
		TestData.Employee hr = company.hr();
		TestData.Employee rep = company.rep(role);
		String token = company.data.token(rep);
		assertThat(this.api.get(token, "/api/v1/customers").status()).as("no agreement yet").isEqualTo(200);
		long agreement = company.data.agreement(hr, "上海", role);
		long v1 = company.data.publish(hr, agreement, 14, null);

		for (String path : API) {
			Api.Response refused = this.api.get(token, path);
			assertThat(refused.status()).as(path + ": " + refused).isEqualTo(403);
			assertThat(refused.text("error")).isEqualTo("agreement_required");
			assertThat(refused.body().get("agreements").get(0).get("versionId").asLong()).isEqualTo(v1);
		}
		assertThat(this.api.post(token, "/api/v1/customers", Map.of("name", "杭州西湖茶业有限公司", "kind", "COMPANY")).status())
			.isEqualTo(403);
		WebSession browser = new WebSession(this.port);
		browser.logIn(rep.username(), TestData.PASSWORD);
		for (String path : PAGES) {
			var page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(302);
			assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/agreements");
		}
		assertThat(browser.get("/").headers().firstValue("Location").orElseThrow()).as("the home page lists customers")
			.endsWith("/agreements");
		assertThat(browser.get("/security/sessions").statusCode()).as("not customer data").isEqualTo(200);
		assertThat(browser.get("/agreements").body()).contains("accept-" + v1, "员工应对公司客户资料");
		assertThat(this.api.get(token, "/api/v1/me/agreements").raw()).contains("\"versionId\":" + v1);

		Api.Response accepted = this.api.post(token, "/api/v1/me/agreements/" + v1 + "/accept", null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(this.api.get(token, "/api/v1/customers").status()).isEqualTo(200);
		assertThat(browser.get("/customers").statusCode()).isEqualTo(200);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(this.api.post(token, "/api/v1/me/agreements/" + v1 + "/accept", null).status())
			.as("accepting again changes nothing")
			.isEqualTo(200);
		assertThat(this.jdbc.sql("select ip, user_agent from agreement_acceptance where employee_id = ?")
			.param(rep.id())
			.query((rs, row) -> rs.getString("ip") + "|" + rs.getString("user_agent"))
			.list()).singleElement().asString().endsWith("|holdfast-tests");
		assertThat(this.jdbc.sql(
				"select count(*) from audit_event where action = 'AGREEMENT_ACCEPTED' and actor_id = ? and target_id = ?")
			.params(rep.id(), String.valueOf(v1))
			.query(Long.class)
			.single()).isEqualTo(1);

		Api.Response text = this.api.get(token, "/api/v1/me/agreements/" + v1 + "/text");
		assertThat(text.status()).isEqualTo(200);
		assertThat(text.raw()).contains("上海保密协议", "版本 Version: 1", rep.username(), "员工应对公司客户资料");
		assertThat(this.api.get(company.token(hr), "/api/v1/me/agreements/" + v1 + "/text").status())
			.as("only the one who accepted it")
			.isEqualTo(404);

		long v2 = company.data.publish(hr, agreement, 14, null);
		assertThat(this.api.get(token, "/api/v1/customers").status()).as("within the grace period").isEqualTo(200);
		assertThat(browser.get("/customers").headers().firstValue("Location").orElseThrow())
			.endsWith("/agreements?reminder");
		assertThat(browser.get("/customers").statusCode()).as("reminded once per session").isEqualTo(200);
		List<String> roles = List.of("SALES", role);
		Obligation due = this.obligations.pending(rep.id(), roles).get(0);
		assertThat(due.versionId()).isEqualTo(v2);
		assertThat(due.blocks(Instant.now())).isFalse();
		assertThat(due.blocks(Instant.now().plus(Duration.ofDays(15)))).as("after the grace period").isTrue();
		assertThat(browser.get("/agreements").body()).contains("agreement-reminder", "accept-" + v2);

		long v3 = company.data.publish(hr, agreement, 0, null);
		Api.Response afterGrace = this.api.get(token, "/api/v1/customers");
		assertThat(afterGrace.status()).as("a version without grace applies at once").isEqualTo(403);
		assertThat(afterGrace.body().get("agreements").get(0).get("versionId").asLong()).isEqualTo(v3);
		assertThat(this.api.post(token, "/api/v1/me/agreements/" + v2 + "/accept", null).status())
			.as("only the current version can be accepted")
			.isEqualTo(404);
		assertThat(this.api.post(token, "/api/v1/me/agreements/" + v3 + "/accept", null).status()).isEqualTo(200);
		assertThat(this.api.get(token, "/api/v1/customers").status()).isEqualTo(200);
	}

	@Test
	void theGateQueryUsesIndexes() {
		String plan = this.transactions.execute(status -> {
			// the test tables are small: make the planner show which indexes it can use
			this.jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n",
					this.jdbc.sql("explain " + Obligations.PENDING)
						.param("employee", 1L)
						.param("roles", List.of("SALES", "HR"))
						.query(String.class)
						.list());
		});
		assertThat(plan).contains("uq_agreement_acceptance", "uq_agreement_version_number")
			.doesNotContain("Seq Scan on agreement_acceptance", "Seq Scan on agreement_version");
	}

	@Test
	void acceptancesAndPublishedVersionsCannotBeChanged() {
		Company company = TestData.given(this.api).company("华东销售部", "华东销售一组", "华南销售部");
		String role = company.data.agreementRole();
		TestData.Employee hr = company.hr();
		TestData.Employee rep = company.rep(role);
		long version = company.data.publish(hr, company.data.agreement(hr, "苏州", role), 14, null);
		this.api.post(company.data.token(rep), "/api/v1/me/agreements/" + version + "/accept", null);

		assertThatThrownBy(() -> this.jdbc.sql("update agreement_acceptance set ip = '1.2.3.4' where employee_id = ?")
			.param(rep.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("never changed");
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from agreement_acceptance where employee_id = ?").param(rep.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> this.jdbc.sql("update agreement_version set grace_days = 99 where id = ?")
			.param(version)
			.update()).isInstanceOf(DataAccessException.class);
		assertThat(this.jdbc.sql("select count(*) from agreement_acceptance where employee_id = ?")
			.param(rep.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
