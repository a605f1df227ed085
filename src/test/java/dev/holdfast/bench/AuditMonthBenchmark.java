package dev.holdfast.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.holdfast.Api;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 4: the audit search for one employee and one month at the size of a year
 * of audit data of 500 reps, through {@code GET /api/v1/audit-events} next to the very
 * SQL {@code audit.AuditLog.search} runs for it (the count and the first page),
 * interleaved in one run, with {@code EXPLAIN (ANALYZE, BUFFERS)} of both: the month's
 * partition alone, read through an index. The events are generated day by day straight
 * into {@code audit_event} (resumable: the days done are kept in {@code bench_audit_day})
 * with placeholder chain columns, which the search does not read. Run it with
 * {@code bench/audit-year.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-audit-year}",
				"holdfast.embedded-postgres.reset-on-start=false",
				"holdfast.embedded-postgres.durable=${bench.durable:false}" })
class AuditMonthBenchmark {

	private static final int REPS = Integer.getInteger("bench.audit.reps", 500);

	private static final int PER_DAY = Integer.getInteger("bench.audit.per-day", 300_000);

	private static final int DAYS = Integer.getInteger("bench.audit.days", 365);

	private static final int SAMPLES = Integer.getInteger("bench.samples", 40);

	private static final long FIRST_REP = 9_000_000;

	/** holdfast.audit.search.exact-total-limit: the API counts no further. */
	private static final int EXACT_TOTAL_LIMIT = Integer.getInteger("bench.exact-total-limit", 10_000);

	/** The total as the API counts it: one row past the limit at most (AuditLog). */
	private static final String COUNT_UP_TO = "select count(*) from (select 1 from audit_event where actor_id = ?"
			+ " and occurred_at >= ? and occurred_at < ? limit ?) c";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void searchOfOneEmployeeAndOneMonthAgainstRawSql() {
		LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		generate(last.minusDays(DAYS - 1L), last);
		YearMonth month = YearMonth.from(last.minusDays(Math.min(DAYS - 1L, 15)));
		long rep = FIRST_REP + 137;
		Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		long total = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		long inMonth = this.jdbc.sql("select count(*) from audit_event where occurred_at >= ? and occurred_at < ?")
			.params(from, to)
			.query(Long.class)
			.single();
		long ofRep = count(rep, from, to);
		String days = this.jdbc
			.sql("select count(*) || ' days from ' || min(day) || ' to ' || max(day) || ', ' || min(events) || ' to '"
					+ " || max(events) || ' a day' from bench_audit_day")
			.query(String.class)
			.single();
		System.out.printf("[bench] audit_event: %,d events (%s, for %d reps, partitions %s); month %s: %,d,"
				+ " of rep %d: %,d%n", total, days, REPS, partitions(), month, inMonth, rep, ofRep);

		Api api = new Api(this.port);
		String auditor = new TestData(api).adminToken();
		String path = "/api/v1/audit-events?actorId=" + rep + "&from=" + from.toInstant() + "&to=" + to.toInstant()
				+ "&size=50";
		Samples http = new Samples();
		Samples sql = new Samples();
		Samples noop = new Samples();
		// the cheapest authenticated request, for what any API call costs besides its
		// work
		Supplier<Long> me = () -> {
			Api.Response response = api.get(auditor, "/api/v1/me");
			assertThat(response.status()).as(response.raw()).isEqualTo(200);
			return 0L;
		};
		Supplier<Long> viaApi = () -> {
			Api.Response response = api.get(auditor, path);
			assertThat(response.status()).as(response.raw()).isEqualTo(200);
			return response.body().get("total").asLong();
		};
		Supplier<Long> viaSql = () -> {
			long count = Math.min(
					this.jdbc.sql(COUNT_UP_TO).params(rep, from, to, EXACT_TOTAL_LIMIT + 1).query(Long.class).single(),
					EXACT_TOTAL_LIMIT);
			assertThat(page(rep, from, to)).hasSizeLessThanOrEqualTo(50);
			return count;
		};
		for (int i = 0; i < 10; i++) {
			viaApi.get();
			viaSql.get();
			me.get();
		}
		for (int i = 0; i < SAMPLES; i++) {
			assertThat(http.time(viaApi)).isEqualTo(Math.min(ofRep, EXACT_TOTAL_LIMIT));
			assertThat(sql.time(viaSql)).isEqualTo(Math.min(ofRep, EXACT_TOTAL_LIMIT));
			noop.time(me);
		}
		System.out.printf(
				"[bench] one employee, one month (first page of 50 and the total, counted up to the limit): API median %.1f ms (p95 %.1f),"
						+ " raw SQL median %.1f ms (p95 %.1f), ratio %.2f (%d samples each, interleaved)%n",
				http.median(), http.p95(), sql.median(), sql.p95(), http.median() / sql.median(), SAMPLES);
		System.out.printf(
				"[bench] GET /api/v1/me (the cheapest authenticated request) median %.1f ms: API / (raw SQL + GET /me)"
						+ " %.2f%n",
				noop.median(), http.median() / (sql.median() + noop.median()));
		String countPlan = explain(COUNT_UP_TO, rep, from, to, EXACT_TOTAL_LIMIT + 1);
		String pagePlan = explain("select * from audit_event where actor_id = ? and occurred_at >= ?"
				+ " and occurred_at < ? order by id desc limit 50 offset 0", rep, from, to);
		System.out.println("[bench] EXPLAIN count:\n" + countPlan);
		System.out.println("[bench] EXPLAIN page:\n" + pagePlan);
		String partition = "audit_event_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
		for (String plan : List.of(countPlan, pagePlan)) {
			assertThat(plan).contains(partition).contains("Index");
			assertThat(plan.lines()
				.filter(l -> l.contains(" on audit_event_"))
				.map(l -> l.replaceAll(".* on ", ""))
				.filter(l -> !l.startsWith(partition))).as("only the month's partition is read").isEmpty();
		}
	}

	/**
	 * Generates the missing days. A month with no partition yet is loaded whole into a
	 * table of its own without indexes, then attached as the month's partition
	 * (PostgreSQL builds the parent's indexes on it once, rather than row by row): the
	 * year that took hours day by day takes minutes a month. Days of a month whose
	 * partition exists (the current one, with the application's own events) are inserted
	 * through the parent.
	 */
	private void generate(LocalDate first, LocalDate last) {
		this.jdbc.sql("create table if not exists bench_audit_day (day date primary key, events int not null)")
			.update();
		for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month
			.plusMonths(1)) {
			LocalDate from = max(first, month.atDay(1));
			LocalDate to = min(last, month.atEndOfMonth());
			String partition = "audit_event_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
			boolean exists = this.jdbc.sql("select to_regclass(?) is not null")
				.param(partition)
				.query(Boolean.class)
				.single();
			if (!exists && generated(from, to) == 0) {
				loadMonth(partition, month, from, to);
				continue;
			}
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				if (generated(day, day) > 0) {
					continue;
				}
				this.jdbc.sql("select audit_event_month(?)").param(day).query(String.class).list();
				long started = System.nanoTime();
				this.jdbc.sql("insert into audit_event (occurred_at, actor_id, actor_username, action, target_type,"
						+ " target_id, client_ip, user_agent, details, prev_hash, hash, chain_seq) " + EVENTS_OF_A_DAY)
					.params(dayParameters(day))
					.update();
				this.jdbc.sql("insert into bench_audit_day (day, events) values (?, ?)").params(day, PER_DAY).update();
				System.out.printf("[bench] generated %s: %,d events in %.1f s%n", day, PER_DAY,
						(System.nanoTime() - started) / 1e9);
			}
		}
		this.jdbc.sql("analyze audit_event").update();
	}

	/** One day's events, as a select of the columns after {@code id}. */
	private static final String EVENTS_OF_A_DAY = """
			select ?::timestamptz + g * (interval '86399 seconds' / ?), ? + g % ?, 'bench.rep' || g % ?,
			       (array['CUSTOMERS_LISTED', 'CUSTOMER_VIEWED', 'CUSTOMER_DATA_READ', 'FOLLOW_UP_ADDED',
			              'CONTACT_REVEALED', 'LOGIN_SUCCEEDED'])[1 + (g / ?) % 6],
			       'customer', (g::bigint * 7919 % 1000000)::text, '10.1.' || g % 250 || '.' || g % 200,
			       'Mozilla/5.0 (Linux; Android 14) HoldfastBench', '{"rows":20}', repeat('0', 64),
			       repeat('0', 64), -1
			from generate_series(0, ? - 1) g""";

	private static Object[] dayParameters(LocalDate day) {
		Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		return new Object[] { Timestamp.from(start), PER_DAY, FIRST_REP, REPS, REPS, REPS, PER_DAY };
	}

	/**
	 * The days of one month into a new table, checked against the partition's bounds and
	 * the parent's constraint, then attached (one connection, for its memory setting).
	 */
	private void loadMonth(String partition, YearMonth month, LocalDate from, LocalDate to) {
		long started = System.nanoTime();
		Timestamp lower = Timestamp.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp upper = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		try (Connection connection = this.dataSource.getConnection()) {
			JdbcClient one = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			one.sql("set maintenance_work_mem = '1GB'").update();
			one.sql("drop table if exists bench_audit_month").update();
			one.sql("create table bench_audit_month (like audit_event including defaults)").update();
			one.sql("create sequence if not exists bench_audit_id").update();
			one.sql("alter table bench_audit_month alter column id set default nextval('bench_audit_id')").update();
			// ids above every id the application will hand out while the benchmark runs
			one.sql("select setval('bench_audit_id', greatest((select last_value from bench_audit_id),"
					+ " (select last_value from audit_event_id_seq) + 1000000000))")
				.query(Long.class)
				.single();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				one.sql("insert into bench_audit_month (occurred_at, actor_id, actor_username, action, target_type,"
						+ " target_id, client_ip, user_agent, details, prev_hash, hash, chain_seq) " + EVENTS_OF_A_DAY)
					.params(dayParameters(day))
					.update();
			}
			one.sql("alter table bench_audit_month alter column id drop default").update();
			one.sql("alter table bench_audit_month add constraint ck_audit_event_sealed check ((chain_seq is null)"
					+ " = (hash is null) and (hash is null) = (prev_hash is null))")
				.update();
			one.sql("alter table bench_audit_month add constraint bench_audit_month_bounds check (occurred_at >= '"
					+ lower.toInstant() + "' and occurred_at < '" + upper.toInstant() + "')")
				.update();
			one.sql("alter table bench_audit_month rename to " + partition).update();
			one.sql("alter table audit_event attach partition " + partition + " for values from ('" + lower.toInstant()
					+ "') to ('" + upper.toInstant() + "')")
				.update();
			one.sql("alter table " + partition + " drop constraint bench_audit_month_bounds").update();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				one.sql("insert into bench_audit_day (day, events) values (?, ?)").params(day, PER_DAY).update();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		System.out.printf("[bench] generated %s (%s to %s) as a partition of its own: %,d events in %.1f s%n", month,
				from, to, PER_DAY * (to.toEpochDay() - from.toEpochDay() + 1), (System.nanoTime() - started) / 1e9);
	}

	private long generated(LocalDate from, LocalDate to) {
		return this.jdbc.sql("select count(*) from bench_audit_day where day between ? and ?")
			.params(from, to)
			.query(Long.class)
			.single();
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private long count(long rep, Timestamp from, Timestamp to) {
		return this.jdbc
			.sql("select count(*) from audit_event where actor_id = :actorId and occurred_at >= :from"
					+ " and occurred_at < :to")
			.param("actorId", rep)
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

	private List<Long> page(long rep, Timestamp from, Timestamp to) {
		return this.jdbc
			.sql("select * from audit_event where actor_id = :actorId and occurred_at >= :from and occurred_at < :to"
					+ " order by id desc limit :limit offset :offset")
			.param("actorId", rep)
			.param("from", from)
			.param("to", to)
			.param("limit", 50)
			.param("offset", 0)
			.query((rs, n) -> rs.getLong("id"))
			.list();
	}

	private String explain(String sql, Object... params) {
		return String.join("\n",
				this.jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list());
	}

	private String partitions() {
		return String.join(", ",
				this.jdbc.sql("""
						select min(c.relname) || ' .. ' || max(c.relname) || ' (' || count(*) || ')'
						from pg_inherits i join pg_class c on c.oid = i.inhrelid
						where i.inhparent = 'audit_event'::regclass and c.relname <> 'audit_event_default'""")
					.query(String.class)
					.list());
	}

}
