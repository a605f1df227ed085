package dev.holdfast.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insider attack of December 2026: a sales rep who has used up the day's reveals
 * sends forty reveals at once. Each refusal is audited in a transaction of its own while
 * the request's transaction holds a connection, so a pool's worth of them at once (the
 * tests' pool holds ten) waited for each other until the pool's timeout: every request of
 * every employee stalled for thirty seconds, and the burst came back as 500s. Now one
 * employee's requests beyond {@code holdfast.security.requests-at-once} wait their turn.
 */
@HoldfastIntegrationTest
class RequestsAtOnceIntegrationTests {

	private static final int BURST = 40;

	@LocalServerPort
	int port;

	@Test
	void aBurstOfRefusedRevealsNeitherFailsNorStallsAnyoneElse() throws Exception {
		Api api = new Api(this.port);
		TestData data = TestData.given(api);
		TestData.Company company = data.company("华南区", "深圳销售一组", "华东区");
		Employee rep = company.rep();
		String token = data.token(rep);
		List<Long> contacts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			contacts.add(data.contactAs(token, data.customerAs(token)));
		}
		int revealed = 0;
		while (api.post(token, "/api/v1/contacts/" + contacts.get(revealed % 4) + "/reveal", Map.of("field", "phone"))
			.status() == 200) {
			revealed++;
			assertThat(revealed).as("the daily quota ends").isLessThan(1_000);
		}
		String other = data.token(company.manager);

		List<Integer> statuses = new ArrayList<>();
		long otherMillis;
		int otherStatus;
		ExecutorService pool = Executors.newFixedThreadPool(BURST);
		try {
			List<Future<Integer>> burst = new ArrayList<>();
			for (int i = 0; i < BURST; i++) {
				long contact = contacts.get(i % 4);
				burst.add(pool
					.submit(() -> api.post(token, "/api/v1/contacts/" + contact + "/reveal", Map.of("field", "phone"))
						.status()));
			}
			Thread.sleep(200);
			long start = System.nanoTime();
			otherStatus = api.get(other, "/api/v1/me").status();
			otherMillis = (System.nanoTime() - start) / 1_000_000;
			for (Future<Integer> request : burst) {
				statuses.add(request.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).as("every reveal of the burst refused over the quota, none failed").containsOnly(429);
		assertThat(otherStatus).isEqualTo(200);
		assertThat(otherMillis).as("another employee's request during the burst (ms), against the pool's 30 s timeout")
			.isLessThan(10_000);
	}

}
