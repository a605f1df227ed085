package dev.holdfast.risk;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

/**
 * A sales team for risk tests: a manager with reps under them, another region's manager,
 * and customers with contacts for the reps.
 */
final class RiskWorld {

	private static final AtomicLong phones = new AtomicLong(System.nanoTime() % 10_000_000L);

	final Api api;

	final TestData data;

	final long team;

	final Employee manager;

	final Employee otherManager;

	RiskWorld(Api api) {
		this.api = api;
		this.data = new TestData(api);
		this.team = this.data.department("风控测试销售组", null);
		this.manager = this.data.employee("riskmgr", this.team, null, "SALES_MANAGER");
		long elsewhere = this.data.department("华东区", null);
		this.otherManager = this.data.employee("riskmgr", elsewhere, null, "SALES_MANAGER");
		this.data.employee("riskrep", elsewhere, this.otherManager.id(), "SALES");
	}

	Employee rep() {
		return this.data.employee("riskrep", this.team, this.manager.id(), "SALES");
	}

	String token(Employee employee) {
		return this.data.token(employee);
	}

	long customerOf(String token) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", TestData.unique("成都天府软件") + "有限公司");
		body.put("kind", "COMPANY");
		body.put("level", "B");
		body.put("region", "四川省成都市");
		body.put("address", "成都市高新区天府大道中段1388号");
		return created(this.api.post(token, "/api/v1/customers", body));
	}

	long contactOf(String token, long customerId) {
		String phone = "139" + String.format("%08d", phones.incrementAndGet() % 100_000_000L);
		return created(this.api.post(token, "/api/v1/customers/" + customerId + "/contacts",
				Map.of("name", "王芳", "phone", phone)));
	}

	/**
	 * Reads the customer's details as fast as the API answers until refused the given
	 * number of times; how many refusals it got (at most 200 requests).
	 */
	int readUntilRefused(String token, long customerId, int refusals) {
		int refused = 0;
		for (int i = 0; i < 200 && refused < refusals; i++) {
			if (this.api.get(token, "/api/v1/customers/" + customerId).status() == 429) {
				refused++;
			}
		}
		return refused;
	}

	/** An instant after the last scheduled evaluation, so that the next one is due. */
	static Instant afterLastRun(JdbcClient jdbc) {
		Instant last = jdbc.sql("select last_run_at from risk_evaluation_run where name = 'scheduled'")
			.query(Timestamp.class)
			.single()
			.toInstant();
		return (last.isAfter(Instant.now()) ? last : Instant.now()).plus(Duration.ofDays(1));
	}

	void makeLeaving(Employee employee) {
		Api.Response response = this.api.patch(this.data.adminToken(), "/api/v1/employees/" + employee.id(),
				Map.of("status", "LEAVING"));
		if (response.status() != 200) {
			throw new AssertionError("could not make " + employee + " LEAVING: " + response);
		}
	}

	private static long created(Api.Response response) {
		if (response.status() != 201) {
			throw new AssertionError("expected 201 but got " + response);
		}
		return response.id();
	}

}
