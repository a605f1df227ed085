package dev.holdfast.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two administrators doing the same thing at the same moment: the database's unique
 * indexes decide, and the loser gets the same 409 as a sequential duplicate, not a 500;
 * two changes of reporting lines are serialised, so together they can't make a loop.
 */
@HoldfastIntegrationTest
class ConcurrentChangesIntegrationTests {

	private static final int CALLERS = 4;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void theSameUsernameCreatedConcurrentlyIsOne201AndOtherwise409() throws Exception {
		String username = TestData.unique("race");
		Map<String, Object> form = new HashMap<>();
		form.put("username", username);
		form.put("displayName", "Race");
		form.put("password", TestData.PASSWORD);
		form.put("roles", List.of("SALES"));

		List<Integer> statuses = concurrently(() -> this.api.post(this.data.adminToken(), "/api/v1/employees", form));

		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
		assertThat(this.jdbc.sql("select count(*) from employee where lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSameRoleCodeCreatedConcurrentlyIsOne201AndOtherwise409() throws Exception {
		Map<String, Object> form = Map.of("code", TestData.unique("RACE_"), "name", "race", "dataScope", "SELF",
				"permissions", List.of("customer.edit"));

		List<Integer> statuses = concurrently(() -> this.api.post(this.data.adminToken(), "/api/v1/roles", form));

		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
	}

	@Test
	void twoConcurrentManagerChangesNeverMakeAReportingLoop() throws Exception {
		String admin = this.data.adminToken();
		for (int round = 0; round < 5; round++) {
			TestData.Employee a = this.data.employee("loopa", null, null, "SALES");
			TestData.Employee b = this.data.employee("loopb", null, null, "SALES");
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			try {
				Future<Api.Response> aUnderB = pool.submit(() -> {
					start.await();
					return this.api.patch(admin, "/api/v1/employees/" + a.id(), Map.of("managerId", b.id()));
				});
				Future<Api.Response> bUnderA = pool.submit(() -> {
					start.await();
					return this.api.patch(admin, "/api/v1/employees/" + b.id(), Map.of("managerId", a.id()));
				});
				start.countDown();
				assertThat(List.of(aUnderB.get().status(), bUnderA.get().status())).containsOnlyOnce(200)
					.containsOnly(200, 400);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private List<Integer> concurrently(Callable<Api.Response> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Api.Response>> calls = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Api.Response> response : calls) {
				statuses.add(response.get().status());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
