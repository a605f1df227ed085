package dev.holdfast.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's queries can be answered from their indexes. A test database is too
 * small for the planner to prefer an index on its own, so sequential scans are switched
 * off: a query whose plan then still names no index of ours has none it could use, and
 * would read whole tables at a million customers. The overdue customers are the follow-up
 * module's query: {@code OverdueQueryPlanIntegrationTests}, and so are the follow-ups per
 * author and week ({@code FollowUpCountsQueryPlanIntegrationTests}).
 */
@HoldfastIntegrationTest
class DashboardQueryPlanIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final Period period = new Period(TestData.today().minusWeeks(8), TestData.today(),
			ZoneId.of("Asia/Shanghai"));

	@Test
	void poolMovesUseThePartialIndexOnTheOwnershipHistory() {
		assertThat(plan(ActivityCounts.poolSql(false), ActivityCounts.params(Set.of(1L, 2L), this.period)))
			.contains("ix_customer_owner_history_pool_moves");
		assertThat(plan(ActivityCounts.poolSql(true), ActivityCounts.params(null, this.period)))
			.contains("ix_customer_owner_history_pool_moves");
	}

	@Test
	void careCoverageProbesCareVisitsAndFollowUpsPerCustomer() {
		Map<String, Object> params = Map.of("employees", Ids.array(Set.of(1L, 2L)), "since",
				Timestamp.from(Instant.now()), "levels", List.of("A", "B"));
		// the planner picks among several indexes on these tables; what matters is that
		// it
		// needs to scan none of them whole
		assertThat(plan(KeyCustomerCare.careSql(false), params)).doesNotContain("Seq Scan on customer ",
				"Seq Scan on care_visit", "Seq Scan on follow_up");
	}

	private String plan(String sql, Map<String, ?> params) {
		return this.transactions.execute(status -> {
			this.jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", this.jdbc.sql("explain " + sql).params(params).query(String.class).list());
		});
	}

}
