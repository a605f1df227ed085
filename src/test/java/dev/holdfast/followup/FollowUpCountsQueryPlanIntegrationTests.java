package dev.holdfast.followup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.HoldfastIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-ups per author and week that the dashboard asks for can be answered from the
 * indexes (sequential scans switched off, as in the dashboard's own plan tests).
 */
@HoldfastIntegrationTest
class FollowUpCountsQueryPlanIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final Instant end = Instant.now();

	private final Instant start = this.end.minus(56, ChronoUnit.DAYS);

	private final ZoneId zone = ZoneId.of("Asia/Shanghai");

	@Test
	void followUpsPerWeekUseTheAuthorIndexOrTheTimeIndex() {
		assertThat(plan(FollowUpQueries.perAuthorAndWeekSql(false),
				FollowUpQueries.perAuthorAndWeekParams(Set.of(1L, 2L), this.start, this.end, this.zone)))
			.contains("ix_follow_up_author");
		// company-wide: any index on the follow-ups' time will do (several can serve the
		// range)
		assertThat(plan(FollowUpQueries.perAuthorAndWeekSql(true),
				FollowUpQueries.perAuthorAndWeekParams(null, this.start, this.end, this.zone)))
			.doesNotContain("Seq Scan on follow_up")
			.containsAnyOf("ix_follow_up_created", "ix_follow_up_author");
	}

	private String plan(String sql, Map<String, ?> params) {
		return this.transactions.execute(status -> {
			this.jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", this.jdbc.sql("explain " + sql).params(params).query(String.class).list());
		});
	}

}
