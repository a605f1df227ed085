package dev.holdfast.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.shared.crypto.FieldCipher;

import static dev.holdfast.bench.BenchOrganization.h;
import static dev.holdfast.bench.ChineseWords.BRAND_CHARACTERS;
import static dev.holdfast.bench.ChineseWords.CITIES;
import static dev.holdfast.bench.ChineseWords.GIVEN_CHARACTERS;
import static dev.holdfast.bench.ChineseWords.INDUSTRIES;
import static dev.holdfast.bench.ChineseWords.LEGAL_FORMS;
import static dev.holdfast.bench.ChineseWords.MOBILE_PREFIXES;
import static dev.holdfast.bench.ChineseWords.NEXT_STEPS;
import static dev.holdfast.bench.ChineseWords.OUTCOMES;
import static dev.holdfast.bench.ChineseWords.SOURCES;
import static dev.holdfast.bench.ChineseWords.STREETS;
import static dev.holdfast.bench.ChineseWords.SURNAMES;
import static dev.holdfast.bench.ChineseWords.TITLES;
import static dev.holdfast.bench.ChineseWords.TOPICS;
import static dev.holdfast.bench.ChineseWords.sqlArray;

/**
 * Generates a large, deterministic data set set-based in SQL ({@code generate_series},
 * {@code insert ... select}), in batches that each commit on their own: the organisation
 * of {@link BenchOrganization}, customers with unique Chinese company names, one or two
 * contacts each with mainland mobile numbers, and follow-ups by the customers' owners.
 * {@code updated_at} spreads over two years; about 8% of customers are in the public pool
 * and 2% archived.
 */
final class LargeDataSet {

	private static final String MARKER = "holdfast benchmark data set:";

	private static final int BATCH = 25_000;

	private static final int THREADS = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());

	/** Multiplier of the bijection that turns a row number into a distinct name. */
	private static final long SPREAD = 1_000_003L;

	private final JdbcClient jdbc;

	private final BenchOrganization organization;

	private final SealedContactData sealed;

	LargeDataSet(JdbcClient jdbc, String passwordHash, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.sealed = new SealedContactData(jdbc, cipher);
		this.organization = new BenchOrganization(jdbc, passwordHash);
	}

	/**
	 * Whether a complete data set is there: the last step leaves a comment on the
	 * customer table.
	 */
	boolean exists() {
		String marker = this.jdbc.sql("select obj_description('customer'::regclass, 'pg_class')")
			.query(String.class)
			.optional()
			.orElse(null);
		if (marker != null && marker.startsWith(MARKER)) {
			return true;
		}
		if (this.organization.exists()) {
			throw new IllegalStateException(
					"an earlier generation stopped half-way: delete the data directory (or the database) and run again");
		}
		return false;
	}

	/** Generates the data set unless it is there already; returns what it did. */
	String generateIfMissing(LargeDataSetSize size) {
		if (exists()) {
			return "present: " + counts();
		}
		long started = System.nanoTime();
		List<Long> reps = this.organization.create(size.employees());
		log("organisation: %,d reps", reps.size());
		long firstCustomer = nextId("customer");
		String owners = reps.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		inBatches(1, size.customers(), (from) -> customers(from, Math.min(size.customers(), from + BATCH - 1), owners),
				"customers");
		long lastCustomer = nextId("customer") - 1;
		inBatches(firstCustomer, lastCustomer, (from) -> contacts(from, Math.min(lastCustomer, from + BATCH - 1)),
				"contacts");
		inBatches(firstCustomer, lastCustomer, (from) -> {
			long to = Math.min(lastCustomer, from + BATCH - 1);
			this.sealed.addresses(from, to);
			this.sealed.contacts(from, to);
		}, "encryption of addresses and phones");
		inBatches(firstCustomer, lastCustomer, (from) -> followUps(from, Math.min(lastCustomer, from + BATCH - 1),
				size.followUpsPerCustomer(), owners), "follow-ups");
		for (String table : List.of("department", "employee", "employee_role", "customer", "contact", "follow_up")) {
			this.jdbc.sql("vacuum (analyze) " + table).update();
		}
		String result = "generated in %.0f s: %s".formatted((System.nanoTime() - started) / 1e9, counts());
		this.jdbc.sql("comment on table customer is '" + MARKER + " " + size + "'").update();
		return result;
	}

	String counts() {
		return this.jdbc.sql("""
				select format('%s customers, %s contacts, %s follow-ups, %s employees',
				    (select count(*) from customer), (select count(*) from contact),
				    (select count(*) from follow_up), (select count(*) from employee))""").query(String.class).single();
	}

	/**
	 * Row number g becomes a distinct city + brand + industry through a bijection of [0,
	 * combinations); the legal form is picked apart from it, because the duplicate check
	 * ignores it ({@code CustomerNames}): 深圳星河贸易有限公司 and 深圳星河贸易股份有限公司 are the same
	 * company. {@code normalized_name} is computed as {@code CustomerNames} does it.
	 */
	private void customers(long from, long to, String owners) {
		int nc = CITIES.size();
		int nb = BRAND_CHARACTERS.size();
		long combinations = (long) nc * nb * nb * INDUSTRIES.size();
		if (to >= combinations) {
			throw new IllegalArgumentException("at most " + combinations + " distinct company names");
		}
		String sql = """
				insert into customer (name, normalized_name, kind, level, industry, source, region, address_encrypted, status,
				                      owner_id, created_at, updated_at, archived_at)
				select n.name, regexp_replace(lower(n.name), '(股份有限公司|有限责任公司|有限公司|公司)$', ''), n.kind,
				       (array['A','B','B','C','C','C','C','D','D','D'])[1 + %s %% 10],
				       d.industry, %s[1 + %s %% %d], d.city,
				       convert_to(d.city || '市' || %s[1 + %s %% %d] || (1 + %s %% 500) || '号', 'UTF8'),
				       (array['POTENTIAL','POTENTIAL','FOLLOWING','FOLLOWING','WON','LOST'])[1 + %s %% 6],
				       case when %s %% 100 < 8 then null else o.owners[1 + %s %% cardinality(o.owners)] end,
				       t.updated - t.age, t.updated,
				       case when %s %% 100 < 2 then t.updated end
				from generate_series(:from, :to) g
				cross join (select cast(:owners as bigint[]) as owners) o
				cross join lateral (select (g * %d) %% %d as x) b
				cross join lateral (select %s[1 + b.x %% %d] as city,
				                           %s[1 + (b.x / %d) %% %d] || %s[1 + (b.x / %d) %% %d] as brand,
				                           %s[1 + b.x / %d] as industry) d
				cross join lateral (select case when g %% 20 = 0 then 'PERSON' else 'COMPANY' end as kind,
				                           case when g %% 20 = 0 then %s
				                                else d.city || d.brand || d.industry || %s[1 + %s %% %d] end as name) n
				cross join lateral (select now() - make_interval(secs => %s %% (730 * 86400)) as updated,
				                           make_interval(secs => %s %% (365 * 86400)) as age) t
				"""
			.formatted(h("g", 1), sqlArray(SOURCES), h("g", 2), SOURCES.size(), sqlArray(STREETS), h("g", 3),
					STREETS.size(), h("g", 4), h("g", 5), h("g", 6), h("g", 7), h("g", 8), SPREAD, combinations,
					sqlArray(CITIES), nc, sqlArray(BRAND_CHARACTERS), nc, nb, sqlArray(BRAND_CHARACTERS), nc * nb, nb,
					sqlArray(INDUSTRIES), nc * nb * nb, personName("g", 9), sqlArray(LEGAL_FORMS), h("g", 12),
					LEGAL_FORMS.size(), h("g", 10), h("g", 11));
		this.jdbc.sql(sql).param("from", from).param("to", to).param("owners", owners).update();
	}

	private void contacts(long from, long to) {
		String sql = """
				insert into contact (customer_id, name, title, phone_encrypted, gender, created_at, updated_at)
				select c.id, %s, %s[1 + %s %% %d], convert_to(p.local, 'UTF8'),
				       (array['MALE','FEMALE','UNKNOWN'])[1 + %s %% 3], c.created_at, c.created_at
				from customer c
				cross join lateral generate_series(1, 1 + (c.id %% 3 = 0)::int) k
				cross join lateral (select %s[1 + %s %% %d] || lpad((%s %% 100000000)::text, 8, '0') as local) p
				where c.id between :from and :to""".formatted(personName("c.id * 4 + k", 20), sqlArray(TITLES),
				h("c.id * 4 + k", 21), TITLES.size(), h("c.id * 4 + k", 22), sqlArray(MOBILE_PREFIXES),
				h("c.id * 4 + k", 23), MOBILE_PREFIXES.size(), h("c.id * 4 + k", 24));
		this.jdbc.sql(sql).param("from", from).param("to", to).update();
	}

	private void followUps(long from, long to, double perCustomer, String owners) {
		String sql = """
				insert into follow_up (customer_id, author_id, kind, content, next_contact_at, created_at, updated_at)
				select c.id, coalesce(c.owner_id, o.owners[1 + %s %% cardinality(o.owners)]),
				       (array['CALL','CALL','CALL','VISIT','WECHAT','WECHAT','EMAIL','MEETING','OTHER'])[1 + %s %% 9],
				       '与客户沟通' || %s[1 + %s %% %d] || '事宜，' || %s[1 + %s %% %d] || %s[1 + %s %% %d],
				       case when %s %% 10 < 3 then t.at + interval '7 days' end, t.at, t.at
				from customer c
				cross join (select cast(:owners as bigint[]) as owners) o
				cross join lateral generate_series(1, floor(2 * :perCustomer * (%s %% 10000) / 10000.0 + 0.5)::int) k
				cross join lateral (select c.created_at + (now() - c.created_at) * ((%s %% 10000) / 10000.0) as at) t
				where c.id between :from and :to""".formatted(h("c.id", 30), h("c.id * 16 + k", 31), sqlArray(TOPICS),
				h("c.id * 16 + k", 32), TOPICS.size(), sqlArray(OUTCOMES), h("c.id * 16 + k", 33), OUTCOMES.size(),
				sqlArray(NEXT_STEPS), h("c.id * 16 + k", 34), NEXT_STEPS.size(), h("c.id * 16 + k", 35), h("c.id", 36),
				h("c.id * 16 + k", 37));
		this.jdbc.sql(sql)
			.param("from", from)
			.param("to", to)
			.param("perCustomer", perCustomer)
			.param("owners", owners)
			.update();
	}

	private static String personName(String expression, int salt) {
		return "%s[1 + %s %% %d] || %s[1 + %s %% %d] || case when %s %% 3 = 0 then '' else %s[1 + %s %% %d] end"
			.formatted(sqlArray(SURNAMES), h(expression, salt), SURNAMES.size(), sqlArray(GIVEN_CHARACTERS),
					h(expression, salt + 100), GIVEN_CHARACTERS.size(), h(expression, salt + 200),
					sqlArray(GIVEN_CHARACTERS), h(expression, salt + 300), GIVEN_CHARACTERS.size());
	}

	private long nextId(String table) {
		return this.jdbc.sql("select coalesce(max(id), 0) + 1 from " + table).query(Long.class).single();
	}

	/**
	 * Runs the batches on as many connections as there are cores: batches touch disjoint
	 * ranges, and PostgreSQL runs each statement on one core.
	 */
	private static void inBatches(long first, long last, LongConsumer batch, String what) {
		long started = System.nanoTime();
		ExecutorService workers = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> batches = new ArrayList<>();
			for (long from = first; from <= last; from += BATCH) {
				long start = from;
				batches.add(workers.submit(() -> batch.accept(start)));
			}
			for (Future<?> each : batches) {
				each.get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a batch of " + what + " failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			workers.shutdownNow();
		}
		log("%s: %.1f s", what, (System.nanoTime() - started) / 1e9);
	}

	static void log(String format, Object... args) {
		System.out.println("[bench] " + format.formatted(args));
	}

}
