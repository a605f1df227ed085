package dev.holdfast.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData.Employee;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

@HoldfastIntegrationTest
@TightReadingLimits
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskAlertsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RiskManagement risk;

	private Company company;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("风控测试销售组", "风控测试一组", "华东区");
	}

	@Test
	void theSameActivityRaisesAnAlertOnlyForTheEmployeeServingNotice() {
		Employee staying = this.company.rep();
		Employee leaving = this.company.rep();
		long[] customers = { this.company.data.customerAs(this.company.token(staying)),
				this.company.data.customerAs(this.company.token(leaving)) };
		this.company.data.leaving(leaving);
		for (Employee rep : List.of(staying, leaving)) {
			String token = this.company.token(rep);
			long customerId = customers[rep == staying ? 0 : 1];
			for (int i = 0; i < 50; i++) {
				assertThat(this.api.get(token, "/api/v1/customers/" + customerId).status()).isEqualTo(200);
			}
		}
		String manager = this.company.token(this.company.manager);
		JsonNode stayingRisk = evaluate(manager, staying);
		JsonNode leavingRisk = evaluate(manager, leaving);

		assertThat(stayingRisk.get("alerts").size()).as(stayingRisk.toString()).isZero();
		assertThat(indicators(leavingRisk.get("alerts"))).contains("DETAIL_VIEWS");
		assertThat(leavingRisk.get("leaving").asBoolean()).isTrue();
		assertThat(leavingRisk.get("score").asDouble()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aCriticalAlertSuspendsRevealsUntilTheManagerLiftsIt() {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		long customerId = this.company.data.customerAs(token);
		long contactId = this.company.data.contactAs(token, customerId);
		Map<String, String> reveal = Map.of("field", "phone", "reason", "回电确认订单");
		assertThat(this.api.post(token, "/api/v1/contacts/" + contactId + "/reveal", reveal).status()).isEqualTo(200);

		int refused = RiskDrills.readUntilRefused(this.api, token, customerId, 8);
		assertThat(refused).isEqualTo(8);
		String manager = this.company.token(this.company.manager);
		JsonNode risk = evaluate(manager, rep);
		assertThat(risk.get("severity").asString()).isEqualTo("CRITICAL");
		assertThat(risk.get("suspended").toString()).contains("contact.reveal", "export.request");

		Api.Response me = this.api.get(token, "/api/v1/me");
		assertThat(me.body().get("suspended").toString()).contains("contact.reveal");
		assertThat(me.body().get("permissions").toString()).doesNotContain("contact.reveal");
		Api.Response suspended = this.api.post(token, "/api/v1/contacts/" + contactId + "/reveal", reveal);
		assertThat(suspended.status()).isEqualTo(403);
		assertThat(suspended.text("error")).isEqualTo("risk_suspended");

		assertThat(this.api.post(token, "/api/v1/risk/employees/" + rep.id() + "/lift", null).status()).isEqualTo(403);
		assertThat(this.api
			.post(this.company.token(this.company.otherManager), "/api/v1/risk/employees/" + rep.id() + "/lift", null)
			.status()).isEqualTo(403);
		Api.Response lifted = this.api.post(manager, "/api/v1/risk/employees/" + rep.id() + "/lift", null);
		assertThat(lifted.status()).isEqualTo(200);
		assertThat(lifted.body().get("suspended").size()).isZero();
		assertThat(this.api.post(token, "/api/v1/contacts/" + contactId + "/reveal", reveal).status()).isEqualTo(200);
		assertThat(actions(rep.id())).contains("RISK_ALERT_RAISED", "RISK_SUSPENDED", "RISK_SUSPENSION_LIFTED");
	}

	@Test
	void managersAcknowledgeTheAlertsOfTheirTeamOnly() {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		long customerId = this.company.data.customerAs(token);
		this.company.data.leaving(rep);
		token = this.company.token(rep);
		for (int i = 0; i < 50; i++) {
			this.api.get(token, "/api/v1/customers/" + customerId);
		}
		JsonNode risk = evaluate(this.company.token(this.company.manager), rep);
		long alertId = risk.get("alerts").get(0).get("id").asLong();

		assertThat(this.api
			.post(this.company.token(this.company.otherManager), "/api/v1/risk/alerts/" + alertId + "/acknowledge",
					null)
			.status()).isEqualTo(403);
		assertThat(this.api.get(this.company.token(this.company.otherManager), "/api/v1/risk/employees/" + rep.id())
			.status()).isEqualTo(403);
		Api.Response acknowledged = this.api.post(this.company.token(this.company.manager),
				"/api/v1/risk/alerts/" + alertId + "/acknowledge", null);
		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(acknowledged.text("status")).isEqualTo("ACKNOWLEDGED");
		assertThat(this.api.get(this.company.data.adminToken(), "/api/v1/risk/employees/" + rep.id()).status())
			.isEqualTo(200);
	}

	@Test
	void anHourLaterTheBurstIsPartOfTheBaselineNoLongerOfTheCurrentWindow() {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		long customerId = this.company.data.customerAs(token);
		for (int i = 0; i < 30; i++) {
			this.api.get(token, "/api/v1/customers/" + customerId);
		}
		Instant now = Instant.now();
		assertThat(detailViews(this.risk.view(rep.id(), now)).observed()).isEqualTo(30);
		EmployeeRisk later = this.risk.view(rep.id(), now.plus(Duration.ofHours(2)));
		assertThat(detailViews(later).observed()).isZero();
		assertThat(detailViews(later).expected()).isEqualTo(60);
	}

	@Test
	void theLookBackCoversNinetyDaysAndIsKeptWhenNoticeStarts() {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		long customerId = this.company.data.customerAs(token);
		for (int i = 0; i < 12; i++) {
			this.api.get(token, "/api/v1/customers/" + customerId);
		}
		this.company.data.leaving(rep);
		this.risk.runScheduled(Instant.now().plus(Duration.ofDays(1)));

		Api.Response report = this.api.get(this.company.token(this.company.manager),
				"/api/v1/risk/employees/" + rep.id() + "/lookback");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.body().get("kept").asBoolean()).isTrue();
		JsonNode views = null;
		for (JsonNode line : report.body().get("indicators")) {
			if (line.get("indicator").asString().equals("DETAIL_VIEWS")) {
				views = line;
			}
		}
		assertThat(views.get("total").asDouble()).isEqualTo(12);
		assertThat(report.body().get("displayName").asString()).startsWith("测试");
	}

	private static EmployeeRisk.Score detailViews(EmployeeRisk risk) {
		return risk.indicators().stream().filter(s -> s.indicator().equals("DETAIL_VIEWS")).findFirst().orElseThrow();
	}

	private JsonNode evaluate(String token, Employee employee) {
		Api.Response response = this.api.post(token, "/api/v1/risk/employees/" + employee.id() + "/evaluate", null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private static List<String> indicators(JsonNode alerts) {
		List<String> indicators = new ArrayList<>();
		alerts.forEach(alert -> indicators.add(alert.get("indicator").asString()));
		return indicators;
	}

	private List<String> actions(long employeeId) {
		return this.jdbc.sql("""
				select action from audit_event
				where target_type = 'employee' and target_id = ? and action like 'RISK_%' order by id""")
			.param(Long.toString(employeeId))
			.query(String.class)
			.list();
	}

}
