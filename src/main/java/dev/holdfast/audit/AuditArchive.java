package dev.holdfast.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditChains.Cut;
import dev.holdfast.audit.AuditChains.Walk;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * A year of audit data online, the rest archived. A month older than
 * {@code holdfast.audit.online-months} (13, the current one included) is written into the
 * backup store ({@link AuditArchiveStore}: encrypted and authenticated with the backup
 * secret), read back and checked, recorded in {@code audit_archive} with the file's
 * SHA-256, and its partition dropped, oldest month first.
 * <p>
 * An archive holds a stretch of the chain, not only its month's rows: the events placed
 * after the previous archive's head up to the month's last placed event, whichever month
 * they occurred in (an event of the next month sealed before the month's last one is in
 * both the archive and the online table). The archives thus cut the chain into
 * consecutive stretches; each starts at the head the one before ended with, and the
 * online chain starts at the last archive's head ({@link AuditChains}).
 */
@Service
public class AuditArchive {

	static final String EVENTS = "events.jsonl";

	static final String MANIFEST = "audit-manifest.json";

	/** How long a drop waits for requests writing audit events to let go of the table. */
	static final String LOCK_TIMEOUT = "3s";

	private static final Logger log = LoggerFactory.getLogger(AuditArchive.class);

	private final JdbcClient jdbc;

	private final AuditSealer sealer;

	private final AuditPartitions partitions;

	private final ObjectProvider<AuditArchiveStore> stores;

	private final AuditArchiveProperties properties;

	private final AuditTrail trail;

	private final ObjectMapper json;

	private final HoldfastClock clock;

	private final TransactionTemplate reading;

	private final TransactionTemplate writing;

	AuditArchive(JdbcClient jdbc, AuditSealer sealer, AuditPartitions partitions,
			ObjectProvider<AuditArchiveStore> stores, AuditArchiveProperties properties, AuditTrail trail,
			ObjectMapper json, HoldfastClock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.partitions = partitions;
		this.stores = stores;
		this.properties = properties;
		this.trail = trail;
		this.json = json;
		this.clock = clock;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.writing = new TransactionTemplate(transactions);
		this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The job's work ({@link AuditPartitioning}): archives and drops every month older
	 * than the online months as of {@code now}, oldest first; stops at the first that
	 * fails (its partition stays, the next run tries again).
	 * @return the months archived
	 */
	public List<YearMonth> archiveDue(Instant now) {
		YearMonth oldestOnline = AuditPartitions.monthOf(now).minusMonths(this.properties.onlineMonths() - 1L);
		List<YearMonth> due = this.partitions.months().stream().filter(m -> m.isBefore(oldestOnline)).toList();
		if (due.isEmpty()) {
			return List.of();
		}
		AuditArchiveStore store = this.stores.getIfAvailable();
		if (store == null) {
			log.warn("audit: {} month(s) are due for the archive, but no archive store is configured", due.size());
			return List.of();
		}
		this.sealer.sealPending();
		List<YearMonth> archived = new ArrayList<>();
		for (YearMonth month : due) {
			archive(store, month);
			archived.add(month);
		}
		return archived;
	}

	/**
	 * Verifies an archived month: the file is the one recorded, reads back whole (every
	 * byte authenticated), its events follow one another from the head it starts at to
	 * the head it records, and the chain goes on across both cuts: it starts where the
	 * month archived before it ended, and the next archive (or the first online event
	 * after it) follows its head.
	 * @throws NotFoundException when the month is not archived
	 */
	public ChainVerification verifyMonth(YearMonth month) {
		Permission.AUDIT_READ.require();
		Archived archived = archived("where month = ?", month(month))
			.orElseThrow(() -> new NotFoundException("audit archive"));
		AuditArchiveStore store = this.stores.getIfAvailable();
		if (store == null) {
			return ChainVerification.failed(0, "no archive store is configured");
		}
		ChainVerification read = check(store, archived);
		if (!read.ok()) {
			return read;
		}
		Cut before = archived("where month < ? order by month desc", month(month))
			.map(a -> new Cut(a.toSeq(), a.headHash()))
			.orElse(Cut.GENESIS);
		if (before.seq() != archived.fromSeq() || !before.hash().equals(archived.fromHash())) {
			return ChainVerification.failed(read.checked(),
					"does not start at the head of the month archived before it");
		}
		Optional<Archived> after = archived("where month > ? order by month", month(month));
		if (after.isPresent()) {
			if (after.get().fromSeq() != archived.toSeq() || !after.get().fromHash().equals(archived.headHash())) {
				return ChainVerification.failed(read.checked(),
						"the month archived after it does not start at its head");
			}
		}
		else {
			Optional<String> next = this.jdbc
				.sql("select prev_hash from audit_event where chain_seq > ? order by chain_seq limit 1")
				.param(archived.toSeq())
				.query(String.class)
				.optional();
			if (next.isPresent() && !next.get().equals(archived.headHash())) {
				return ChainVerification.failed(read.checked(), "the online chain does not follow its head");
			}
		}
		return read;
	}

	private void archive(AuditArchiveStore store, YearMonth month) {
		Timestamp first = Timestamp.from(AuditPartitions.start(month));
		Timestamp next = Timestamp.from(AuditPartitions.start(month.plusMonths(1)));
		MonthFacts facts = this.jdbc.sql("""
				select count(*) as events, count(*) filter (where chain_seq is null) as unsealed,
				       max(chain_seq) as last from audit_event where occurred_at >= ? and occurred_at < ?""")
			.params(first, next)
			.query((rs, n) -> new MonthFacts(rs.getLong("events"), rs.getLong("unsealed"),
					rs.getObject("last", Long.class)))
			.single();
		if (facts.unsealed() > 0) {
			throw new IllegalStateException(
					"audit: " + month + " holds " + facts.unsealed() + " unsealed events; not archived");
		}
		Cut cut = Cut.last(this.jdbc);
		long toSeq = Math.max(cut.seq(), facts.last() == null ? 0 : facts.last());
		String name = "holdfast-audit-" + month + ".hfaudit";
		Walk walk = new Walk(cut);
		String sha256 = this.reading.execute(status -> write(store, name, month, cut, toSeq, walk, facts.events()));
		Archived archived = new Archived(month, name, sha256, facts.events(), walk.checked(), cut.seq(), cut.hash(),
				toSeq, walk.head());
		ChainVerification check = check(store, archived);
		if (!check.ok()) {
			throw new IllegalStateException(
					"audit: the archive of " + month + " did not read back: " + check.problem());
		}
		this.writing.executeWithoutResult(status -> {
			this.jdbc.sql("""
					insert into audit_archive (month, archive, sha256, month_events, events, from_seq, from_hash,
					                           to_seq, head_hash, archived_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(month(month), name, sha256, facts.events(), archived.events(), cut.seq(), cut.hash(), toSeq,
						archived.headHash(), Timestamp.from(this.clock.now()))
				.update();
			this.partitions.drop(month, LOCK_TIMEOUT);
			this.trail.record(AuditAction.AUDIT_ARCHIVED, "audit_archive", month.toString(),
					Map.of("archive", name, "events", facts.events()));
		});
		log.info("audit: archived {} ({} events of the month, {} of the chain) as {}, partition dropped", month,
				facts.events(), archived.events(), name);
	}

	private String write(AuditArchiveStore store, String name, YearMonth month, Cut cut, long toSeq, Walk walk,
			long monthEvents) {
		try {
			return store.write(name, entry -> {
				long events = 0;
				try (OutputStream out = entry.open(EVENTS);
						Stream<AuditChains.Sealed> rows = this.jdbc
							.sql("select * from audit_event where chain_seq > ? and chain_seq <= ? order by chain_seq")
							.params(cut.seq(), toSeq)
							.withFetchSize(1000)
							.query((rs, n) -> new AuditChains.Sealed(rs.getLong("chain_seq"), AuditLog.view(rs, n)))
							.stream()) {
					for (AuditChains.Sealed row : (Iterable<AuditChains.Sealed>) rows::iterator) {
						ChainVerification broken = walk.next(row.seq(), row.event());
						if (broken != null) {
							throw new IllegalStateException(
									"audit: the chain is broken at event " + broken.brokenEventId() + " ("
											+ broken.problem() + "); " + month + " not archived");
						}
						out.write(this.json.writeValueAsBytes(ArchivedEvent.of(row.seq(), row.event())));
						out.write('\n');
						events++;
					}
				}
				AuditArchiveManifest manifest = new AuditArchiveManifest(1, month.toString(), cut.seq(), cut.hash(),
						toSeq, walk.head(), events, monthEvents, this.clock.now().toString());
				try (OutputStream out = entry.open(MANIFEST)) {
					out.write(this.json.writeValueAsBytes(manifest));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("audit: the archive of " + month + " could not be written", ex);
		}
	}

	/** Reads an archive back whole and checks it against what was recorded of it. */
	private ChainVerification check(AuditArchiveStore store, Archived archived) {
		Walk walk = new Walk(new Cut(archived.fromSeq(), archived.fromHash()));
		ChainVerification[] broken = new ChainVerification[1];
		AuditArchiveManifest[] manifest = new AuditArchiveManifest[1];
		try {
			Optional<String> sha256 = store.sha256(archived.archive());
			if (sha256.isEmpty()) {
				return ChainVerification.failed(0, "the archive is missing from the backup store");
			}
			if (!sha256.get().equals(archived.sha256())) {
				return ChainVerification.failed(0, "the archive is not the file recorded when the month was archived");
			}
			store.read(archived.archive(), (entry, content) -> {
				if (entry.equals(EVENTS)) {
					BufferedReader lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
					String line;
					while ((line = lines.readLine()) != null) {
						if (broken[0] == null) {
							ArchivedEvent event = this.json.readValue(line, ArchivedEvent.class);
							broken[0] = walk.next(event.seq(), event.view());
						}
					}
				}
				else if (entry.equals(MANIFEST)) {
					manifest[0] = this.json.readValue(content.readAllBytes(), AuditArchiveManifest.class);
				}
			});
		}
		catch (AuditArchiveDamagedException ex) {
			log.warn("audit: the archive {} does not read back: {}", archived.archive(), ex.getMessage());
			return ChainVerification.failed(0, "the archive is damaged or was altered");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("audit: the archive " + archived.archive() + " could not be read", ex);
		}
		if (broken[0] != null) {
			return broken[0];
		}
		AuditArchiveManifest m = manifest[0];
		if (m == null || !m.month().equals(archived.month().toString()) || m.fromSeq() != archived.fromSeq()
				|| !m.fromHash().equals(archived.fromHash()) || m.toSeq() != archived.toSeq()
				|| !m.headHash().equals(archived.headHash()) || m.events() != archived.events()) {
			return ChainVerification.failed(walk.checked(), "the archive does not match what was recorded of it");
		}
		if (walk.checked() != archived.events() || walk.lastSeq() != archived.toSeq()
				|| !walk.head().equals(archived.headHash())) {
			return ChainVerification.failed(walk.checked(), "the chain does not end at the recorded head");
		}
		return ChainVerification.intact(walk.checked());
	}

	private Optional<Archived> archived(String where, Object param) {
		return this.jdbc.sql("select * from audit_archive " + where + " limit 1")
			.param(param)
			.query((rs, n) -> new Archived(YearMonth.from(rs.getObject("month", LocalDate.class)),
					rs.getString("archive"), rs.getString("sha256"), rs.getLong("month_events"), rs.getLong("events"),
					rs.getLong("from_seq"), rs.getString("from_hash"), rs.getLong("to_seq"), rs.getString("head_hash")))
			.optional();
	}

	private static LocalDate month(YearMonth month) {
		return month.atDay(1);
	}

	private record MonthFacts(long events, long unsealed, Long last) {
	}

	/** A row of {@code audit_archive}. */
	private record Archived(YearMonth month, String archive, String sha256, long monthEvents, long events, long fromSeq,
			String fromHash, long toSeq, String headHash) {
	}

}
