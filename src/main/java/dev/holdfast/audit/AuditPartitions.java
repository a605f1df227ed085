package dev.holdfast.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The month partitions of {@code audit_event} (migration V59): one per UTC month of
 * {@code occurred_at}, named {@code audit_event_y2026m12}, and
 * {@code audit_event_default} for an event of a month without one. Partitions are created
 * ahead of time (at start-up and by {@link AuditPartitioning}) by the database function
 * {@code audit_event_month}, which takes one lock so that instances take turns.
 */
@Component
class AuditPartitions {

	private static final Pattern NAME = Pattern.compile("audit_event_y(\\d{4})m(\\d{2})");

	private final JdbcClient jdbc;

	AuditPartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The month (UTC) an instant falls in, as the partitions cut them. */
	static YearMonth monthOf(Instant instant) {
		return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
	}

	static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	static String name(YearMonth month) {
		return "audit_event_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
	}

	/**
	 * Creates the partitions of the month of {@code now} and of {@code ahead} months
	 * after it.
	 */
	void ensureAhead(Instant now, int ahead) {
		YearMonth month = monthOf(now);
		for (int i = 0; i <= ahead; i++) {
			ensure(month.plusMonths(i));
		}
	}

	/**
	 * Creates the month's partition when it is missing.
	 * @return false when rows of that month wait in the default partition (the partition
	 * is then not created; a warning is logged by the database)
	 */
	boolean ensure(YearMonth month) {
		return this.jdbc.sql("select audit_event_month(?)")
			.param(LocalDate.of(month.getYear(), month.getMonth(), 1))
			.query(String.class)
			.list()
			.stream()
			.anyMatch(java.util.Objects::nonNull);
	}

	/** The months that have a partition, oldest first. */
	List<YearMonth> months() {
		return this.jdbc.sql("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = 'audit_event'::regclass order by c.relname""")
			.query(String.class)
			.list()
			.stream()
			.map(NAME::matcher)
			.filter(Matcher::matches)
			.map(m -> YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
			.toList();
	}

	/**
	 * Detaches and drops the month's partition, in the caller's transaction; waits at
	 * most {@code lockTimeout} for the requests that write audit events to let go of the
	 * table.
	 */
	void drop(YearMonth month, String lockTimeout) {
		this.jdbc.sql("select set_config('lock_timeout', ?, true)").param(lockTimeout).query(String.class).single();
		this.jdbc.sql("alter table audit_event detach partition " + name(month)).update();
		this.jdbc.sql("drop table " + name(month)).update();
	}

}
