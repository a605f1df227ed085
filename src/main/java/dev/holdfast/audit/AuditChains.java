package dev.holdfast.audit;

import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain of a given database, for backup and restore: its head as of the caller's
 * transaction (a backup's snapshot), and the verification of a restored copy up to the
 * head an archive recorded. The caller's {@link JdbcClient} decides which database and
 * which snapshot; the SQL over {@code audit_event} stays here.
 */
public final class AuditChains {

	private AuditChains() {
	}

	/** The last event of the chain, or empty when the trail is empty. */
	public static Optional<AuditChainHead> head(JdbcClient jdbc) {
		return jdbc.sql("select id, hash from audit_event order by id desc limit 1")
			.query((rs, n) -> new AuditChainHead(rs.getLong("id"), rs.getString("hash")))
			.optional();
	}

	/**
	 * Walks the chain from the first event to {@code head}, recomputing every hash, and
	 * checks that it ends exactly at that event with that hash.
	 */
	public static ChainVerification verifyUpTo(JdbcClient jdbc, AuditChainHead head) {
		ChainVerification walked = walk(jdbc, head.id());
		if (!walked.ok()) {
			return walked;
		}
		Optional<AuditChainHead> last = jdbc
			.sql("select id, hash from audit_event where id <= ? order by id desc limit 1")
			.param(head.id())
			.query((rs, n) -> new AuditChainHead(rs.getLong("id"), rs.getString("hash")))
			.optional();
		if (last.isEmpty() || !last.get().equals(head)) {
			return ChainVerification.broken(walked.checked(), head.id(), "the chain does not end at the recorded head");
		}
		return walked;
	}

	/** Every event up to {@code upToId} (all when null), each against the one before. */
	static ChainVerification walk(JdbcClient jdbc, Long upToId) {
		String previous = AuditChain.GENESIS;
		long checked = 0;
		try (Stream<AuditEventView> events = jdbc.sql("select * from audit_event where id <= :upTo order by id")
			.param("upTo", upToId == null ? Long.MAX_VALUE : upToId)
			.withFetchSize(1000)
			.query(AuditLog::view)
			.stream()) {
			for (AuditEventView event : (Iterable<AuditEventView>) events::iterator) {
				if (!event.prevHash().equals(previous)) {
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

}
