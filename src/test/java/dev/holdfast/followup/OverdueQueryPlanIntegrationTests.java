package dev.holdfast.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.HoldfastIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one overdue query ({@link OverdueCustomers}) reads only the customers that can be
 * due: a range per level on an index of the rhythm clock, then one probe of the ownership
 * history per customer. Sequential scans are switched off as in
 * {@code DashboardQueryPlanIntegrationTests}: a plan that then still scans a whole table
 * has no index it could use, and would read every customer at a million of them.
 */
@HoldfastIntegrationTest
class OverdueQueryPlanIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FollowUpRhythm rhythm;

	@Test
	void aTeamsOverdueCustomersAreARangePerLevelOnTheOwnersRhythmIndex() {
		for (String sql : List.of(RhythmSql.countByOwner(this.rhythm, false), RhythmSql.listed(this.rhythm, false))) {
			assertThat(plan(sql)).containsPattern("ix_customer_rhythm on customer|ix_customer_rhythm  \\(")
				.containsPattern("Index Cond: .*COALESCE\\(last_followed_up_at, created_at\\) <")
				.contains("ix_customer_owner_history_customer")
				.doesNotContain("Seq Scan on customer ", "Seq Scan on customer_owner_history");
		}
	}

	@Test
	void everyonesOverdueCustomersAreARangePerLevelOnTheLevelIndex() {
		for (String sql : List.of(RhythmSql.countByOwner(this.rhythm, true), RhythmSql.listed(this.rhythm, true))) {
			assertThat(plan(sql)).contains("ix_customer_rhythm_level")
				.containsPattern("Index Cond: .*COALESCE\\(last_followed_up_at, created_at\\) <")
				.doesNotContain("Seq Scan on customer ", "Seq Scan on customer_owner_history");
		}
	}

	@Test
	void oneCustomersRhythmIsReadByItsKey() {
		assertThat(plan(RhythmSql.one(this.rhythm))).contains("pk_customer")
			.doesNotContain("Seq Scan on customer ", "Seq Scan on customer_owner_history");
	}

	private String plan(String sql) {
		return this.transactions.execute(status -> {
			status.setRollbackOnly();
			List<Long> owners = this.jdbc.sql("""
					insert into employee (username, display_name)
					select 'plan' || g || '-' || gen_random_uuid(), '计划测试' || g from generate_series(1, 50) g
					returning id""").query(Long.class).list();
			String ids = array(owners);
			this.jdbc.sql("""
					insert into customer (name, normalized_name, kind, level, owner_id, created_at, last_followed_up_at)
					select n, n, 'COMPANY', (array['A', 'B', 'C', 'D'])[1 + g % 4],
					       (cast(:owners as bigint[]))[1 + g % 50], now() - interval '400 days',
					       now() - (g % 100) * interval '1 day'
					from generate_series(1, 5000) g, lateral (select 'plan' || g || '-' || gen_random_uuid() as n) x""")
				.param("owners", ids)
				.update();
			this.jdbc.sql("analyze customer").update();
			this.jdbc.sql("set local enable_seqscan = off").update();
			Map<String, Object> params = Map.of("owners", array(owners.subList(0, 3)), "until",
					Timestamp.from(Instant.now()), "max", 200, "id", owners.get(0));
			return String.join("\n", this.jdbc.sql("explain " + sql).params(params).query(String.class).list());
		});
	}

	private static String array(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
