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
 * every event was chained in id order: the walk then follows the ids.
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

	/** Every sealed event up to the place {@code upTo}, each against the one before. */
	private static ChainVerification walk(JdbcClient jdbc, String order, long upTo) {
		String previous = AuditChain.GENESIS;
		long checked = 0;
		try (Stream<AuditEventView> events = jdbc
			.sql("select * from audit_event where " + order + " <= :upTo order by " + order)
			.param("upTo", upTo)
			.withFetchSize(1000)
			.query(AuditLog::view)
			.stream()) {
			for (AuditEventView event : (Iterable<AuditEventView>) events::iterator) {
				if (!previous.equals(event.prevHash())) {
					return ChainVerification.broken(checked, event.id(), "does not follow the event before it");
				}
				String expected = AuditChain.hash(previous, AuditLog.fields(event));
				if (!expected.equals(event.hash())) {
					return ChainVerification.broken(checked, event.id(), "its content does not match its hash");
				}
				previous = event.hash();
				checked++;
			}
		}
		return ChainVerification.intact(checked);
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
