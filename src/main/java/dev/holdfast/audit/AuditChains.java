package dev.holdfast.audit;

import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain of a given database, for backup and restore: its head as of the caller's
 * transaction (a backup's snapshot), and the verification of a restored copy up to the
 * head an archive recorded. The caller's {@link JdbcClient} decides which database and
 * which snapshot; the SQL over {@code audit_event} stays here.
 * <p>
 * The chain holds the sealed events in the order they were sealed ({@code chain_seq},
 * {@link AuditSealer}); events not sealed yet are not part of it. An archive written
 * before the sealer (schema before V53) is restored at its own schema version, where
 * every event was chained in id order: the walk then follows the ids. Months archived and
 * dropped ({@link AuditArchive}) are verified from their archives; the online chain
 * starts at the last archive's head.
 */
public final class AuditChains {

	private AuditChains() {
	}

	/**
	 * The last sealed event of the chain, or empty when nothing is sealed. A caller that
	 * needs the head as of now seals first ({@link AuditSealer#sealPending()}).
	 */
	public static Optional<AuditChainHead> head(JdbcClient jdbc) {
		String order = order(jdbc);
		return jdbc
			.sql("select id, hash from audit_event where " + order + " is not null order by " + order + " desc limit 1")
			.query((rs, n) -> new AuditChainHead(rs.getLong("id"), rs.getString("hash")))
			.optional();
	}

	/**
	 * Walks the chain from the first event to {@code head}, recomputing every hash, and
	 * checks that it ends exactly at that event with that hash.
	 */
	public static ChainVerification verifyUpTo(JdbcClient jdbc, AuditChainHead head) {
		String order = order(jdbc);
		Optional<Long> place = jdbc.sql("select " + order + " from audit_event where id = ?")
			.param(head.id())
			.query((rs, n) -> rs.getObject(1, Long.class))
			.optional()
			.filter(seq -> seq != null);
		if (place.isEmpty()) {
			Cut cut = Cut.last(jdbc);
			if (cut.seq() > 0 && cut.hash().equals(head.hash())) {
				// the head is the last event of the last archived month: nothing placed
				// after it yet
				return walk(jdbc, order, cut.seq());
			}
			return ChainVerification.broken(0, head.id(), "the recorded head is not a sealed event of the chain");
		}
		ChainVerification walked = walk(jdbc, order, place.get());
		if (!walked.ok()) {
			return walked;
		}
		String hash = jdbc.sql("select hash from audit_event where id = ?")
			.param(head.id())
			.query(String.class)
			.single();
		if (!head.hash().equals(hash)) {
			return ChainVerification.broken(walked.checked(), head.id(), "the chain does not end at the recorded head");
		}
		return walked;
	}

	/**
	 * Every sealed event still online up to the place {@code upTo}, each against the one
	 * before it; the first after the last archived month against that archive's head.
	 */
	private static ChainVerification walk(JdbcClient jdbc, String order, long upTo) {
		Walk walk = new Walk(Cut.last(jdbc));
		try (Stream<Sealed> events = jdbc
			.sql("select * from audit_event where " + order + " <= :upTo order by " + order)
			.param("upTo", upTo)
			.withFetchSize(1000)
			.query((rs, n) -> new Sealed(rs.getLong(order), AuditLog.view(rs, n)))
			.stream()) {
			for (Sealed event : (Iterable<Sealed>) events::iterator) {
				ChainVerification broken = walk.next(event.seq(), event.event());
				if (broken != null) {
					return broken;
				}
			}
		}
		return ChainVerification.intact(walk.checked());
	}

	/** An event and its place in the chain. */
	record Sealed(long seq, AuditEventView event) {
	}

	/**
	 * Where the online chain begins: the place and hash of the last archived month's head
	 * ({@link AuditArchive}), or the genesis when nothing was archived.
	 */
	record Cut(long seq, String hash) {

		static final Cut GENESIS = new Cut(0, AuditChain.GENESIS);

		static Cut last(JdbcClient jdbc) {
			boolean archives = jdbc.sql("select to_regclass('audit_archive') is not null")
				.query(Boolean.class)
				.single();
			if (!archives) {
				return GENESIS;
			}
			return jdbc.sql("select to_seq, head_hash from audit_archive order by to_seq desc, month desc limit 1")
				.query((rs, n) -> new Cut(rs.getLong("to_seq"), rs.getString("head_hash")))
				.optional()
				.orElse(GENESIS);
		}

	}

	/**
	 * The walk of a chain in order of place, starting after a cut. An event after the cut
	 * follows the event walked before it (or the cut's head); an event at or before it is
	 * still online although its month's archive holds it too (it was sealed before the
	 * archived month's last event): it is checked against its own hash, and against the
	 * event before it when that one is online.
	 */
	static final class Walk {

		private final Cut cut;

		private long checked;

		private Long lastSeq;

		private String lastHash;

		Walk(Cut cut) {
			this.cut = cut;
		}

		/** Checks the next event; the problem, or null when it holds. */
		ChainVerification next(long seq, AuditEventView event) {
			if (seq > this.cut.seq()) {
				String expected = (this.lastSeq != null && this.lastSeq > this.cut.seq()) ? this.lastHash
						: this.cut.hash();
				if (!expected.equals(event.prevHash())) {
					return ChainVerification.broken(this.checked, event.id(), "does not follow the event before it");
				}
			}
			else if (this.lastSeq != null && seq == this.lastSeq + 1 && !this.lastHash.equals(event.prevHash())) {
				return ChainVerification.broken(this.checked, event.id(), "does not follow the event before it");
			}
			if (!AuditChain.hash(event.prevHash(), AuditLog.fields(event)).equals(event.hash())) {
				return ChainVerification.broken(this.checked, event.id(), "its content does not match its hash");
			}
			this.lastSeq = seq;
			this.lastHash = event.hash();
			this.checked++;
			return null;
		}

		long checked() {
			return this.checked;
		}

		/** The place of the last event walked, or the cut's when none was. */
		long lastSeq() {
			return this.lastSeq == null ? this.cut.seq() : this.lastSeq;
		}

		/** The hash of the last event walked, or the cut's when none was. */
		String head() {
			return this.lastHash == null ? this.cut.hash() : this.lastHash;
		}

	}

	/**
	 * The column that orders the chain: the place given by the sealer, or the id before
	 * it.
	 */
	private static String order(JdbcClient jdbc) {
		boolean sealed = jdbc.sql("""
				select exists (select 1 from information_schema.columns
				               where table_schema = current_schema() and table_name = 'audit_event'
				                 and column_name = 'chain_seq')""").query(Boolean.class).single();
		return sealed ? "chain_seq" : "id";
	}

}
