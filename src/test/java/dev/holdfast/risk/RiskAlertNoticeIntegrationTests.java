package dev.holdfast.risk;

import java.util.Map;

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

/**
 * A new risk alert notifies its recipients (the manager, holders of {@code risk.read})
 * once, with a link to the risk page and nothing of what was read.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskAlertNoticeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Company company;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("风控测试销售组", "风控测试一组", "华东区");
	}

	@Test
	void theRecipientsOfANewAlertAreNotifiedOnce() {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		long customerId = this.company.data.customerAs(token);
		this.company.data.leaving(rep);
		token = this.company.token(rep);
		for (int i = 0; i < 50; i++) {
			this.api.get(token, "/api/v1/customers/" + customerId);
		}
		String manager = this.company.token(this.company.manager);
		long alertId = evaluate(manager, rep);
		evaluate(manager, rep);

		Map<String, Object> notice = this.jdbc.sql(
				"select kind, title, title_args ->> 0 as alert, link from notification where employee_id = ? and kind = 'RISK_ALERT'"
						+ " and title_args ->> 0 = ?")
			.params(this.company.manager.id(), String.valueOf(alertId))
			.query()
			.singleRow();
		assertThat(notice).containsEntry("link", "/risk").containsEntry("alert", String.valueOf(alertId));
		Api.Response mine = this.api.get(manager, "/api/v1/notifications?unread=true");
		assertThat(mine.raw()).contains("#" + alertId);
		assertThat(mine.raw()).as("the severity in the reader's language").containsAnyOf("严重程度：警告", "严重程度：严重");
		assertThat(this.jdbc.sql("select count(*) from notification where employee_id = ? and kind = 'RISK_ALERT'")
			.param(rep.id())
			.query(Long.class)
			.single()).as("the employee under watch is not told").isZero();
	}

	private long evaluate(String token, Employee employee) {
		Api.Response response = this.api.post(token, "/api/v1/risk/employees/" + employee.id() + "/evaluate", null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body().get("alerts").get(0).get("id").asLong();
	}

}
