package dev.holdfast.risk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep lists every customer they can see, as fast as the API answers: they are slowed
 * down (429 with Retry-After, an audit event each time), and their manager gets an alert.
 * Pages and API share the budgets; someone serving notice has half.
 */
@HoldfastIntegrationTest
@TightReadingLimits
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScrapingIntegrationTests {

	private static final int CUSTOMERS = 70;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Company company;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port)).company("风控测试销售组", "风控测试一组", "华东区");
	}

	@Test
	void pagingThroughAllVisibleCustomersIsThrottledAndRaisesAnAlert() throws Exception {
		Employee scraper = this.company.rep();
		String token = this.company.token(scraper);
		for (int i = 0; i < CUSTOMERS; i++) {
			this.company.data.customerAs(token);
		}

		// every listing shows all 70 rows: the budget of 1,000 rows holds 14 of them
		List<Integer> statuses = new ArrayList<>();
		String retryAfter = null;
		for (int listing = 0; listing < 20; listing++) {
			HttpResponse<String> response = get(token, "/api/v1/customers?size=100");
			statuses.add(response.statusCode());
			if (response.statusCode() == 429 && retryAfter == null) {
				retryAfter = response.headers().firstValue("Retry-After").orElse(null);
				assertThat(response.body()).contains("too_many_requests");
			}
		}

		assertThat(statuses.subList(0, 14)).containsOnly(200);
		assertThat(statuses.subList(14, 20)).containsOnly(429);
		assertThat(retryAfter).isNotNull();
		assertThat(Integer.parseInt(retryAfter)).as("the seconds until 70 rows are back").isBetween(1, 70 * 25);
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor_id = ? and action = 'RATE_LIMITED'")
			.param(scraper.id())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(5);

		Api.Response evaluated = this.company.api.post(this.company.token(this.company.manager),
				"/api/v1/risk/employees/" + scraper.id() + "/evaluate", null);
		assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);

		Api.Response alerts = this.company.api.get(this.company.token(this.company.manager),
				"/api/v1/risk/alerts?status=OPEN");
		assertThat(alerts.status()).isEqualTo(200);
		List<String> indicators = new ArrayList<>();
		alerts.body().forEach(alert -> {
			if (alert.get("employeeId").asLong() == scraper.id()) {
				indicators.add(alert.get("indicator").asString());
			}
		});
		assertThat(indicators).contains("RATE_LIMITED");

		Api.Response others = this.company.api.get(this.company.token(this.company.otherManager),
				"/api/v1/risk/alerts");
		assertThat(others.status()).isEqualTo(200);
		others.body().forEach(alert -> assertThat(alert.get("employeeId").asLong()).isNotEqualTo(scraper.id()));
	}

	@Test
	void theWebPagesAndTheApiShareOneLimit() throws Exception {
		Employee reader = this.company.rep();
		String token = this.company.token(reader);
		long customerId = this.company.data.customerAs(token);
		int status = 200;
		for (int i = 0; i < 200 && status == 200; i++) {
			status = get(token, "/api/v1/customers/" + customerId).statusCode();
		}
		assertThat(status).isEqualTo(429);

		WebSession web = new WebSession(this.port);
		web.logIn(reader.username(), dev.holdfast.TestData.PASSWORD);
		// the login took long enough for a token or two to come back
		HttpResponse<String> page = web.get("/customers/" + customerId);
		for (int i = 0; i < 10 && page.statusCode() == 200; i++) {
			page = web.get("/customers/" + customerId);
		}
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void someoneServingNoticeIsSlowedSooner() throws Exception {
		Employee staying = this.company.rep();
		Employee leaving = this.company.rep();
		long stayingCustomer = this.company.data.customerAs(this.company.token(staying));
		long leavingCustomer = this.company.data.customerAs(this.company.token(leaving));
		this.company.data.leaving(leaving);
		assertThat(readsBeforeRefused(this.company.token(staying), stayingCustomer)).isBetween(120, 125);
		assertThat(readsBeforeRefused(this.company.token(leaving), leavingCustomer)).isBetween(60, 65);
	}

	private int readsBeforeRefused(String token, long customerId) throws Exception {
		for (int i = 0; i < 200; i++) {
			if (get(token, "/api/v1/customers/" + customerId).statusCode() == 429) {
				return i;
			}
		}
		return 200;
	}

	@Test
	void pageSizesAreCapped() throws Exception {
		String token = this.company.token(this.company.rep());
		assertThat(get(token, "/api/v1/customers?size=1000").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> get(String token, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
