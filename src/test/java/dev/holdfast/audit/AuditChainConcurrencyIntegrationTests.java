package dev.holdfast.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests at once still make one unbroken chain: each event follows exactly one
 * predecessor.
 */
@HoldfastIntegrationTest
class AuditChainConcurrencyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentWritersKeepTheChainInOneLine() throws Exception {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		String admin = data.adminToken();
		long before = this.jdbc.sql("select max(id) from audit_event").query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String name = TestData.unique("并发测试公司");
				results.add(pool.submit(
						() -> api.post(admin, "/api/v1/customers", Map.of("name", name, "kind", "COMPANY")).status()));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
		// the verification seals what has committed first
		Api.Response verify = api.get(admin, "/api/v1/audit-events/verify");
		assertThat(verify.body().get("ok").asBoolean()).as(verify.toString()).isTrue();
		long forks = this.jdbc.sql("""
				select count(*) from (select prev_hash from audit_event where chain_seq is not null
				                      group by prev_hash having count(*) > 1) f""").query(Long.class).single();
		assertThat(forks).as("no two events claim the same predecessor").isZero();
		long after = this.jdbc.sql("select count(*) from audit_event where id > ? and chain_seq is not null")
			.param(before)
			.query(Long.class)
			.single();
		assertThat(after).isGreaterThanOrEqualTo(40);
	}

}
