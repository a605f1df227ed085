package dev.holdfast.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end of the hash chain (the one row of {@code audit_chain_head}) and the places a
 * run of events takes after it: one way for the sealer, which chains committed events,
 * and for bulk work that chains its own ({@link AuditTrail#recordAllChained}).
 */
final class ChainEnd {

	private ChainEnd() {
	}

	/** A place in the chain: its sequence number and hash. */
	record Link(long seq, String hash) {
	}

	/**
	 * The places of a run of events after the chain's end, in order: each event's
	 * sequence number, the hash before it and its own; {@code last} is the new end.
	 */
	record Places(long[] seqs, String[] previous, String[] hashes, Link last) {
	}

	/** Reads the chain's end and holds it (the row lock) until the transaction ends. */
	static Link lock(JdbcClient jdbc) {
		return jdbc.sql("select chain_seq, hash from audit_chain_head where id = 1 for update")
			.query((rs, n) -> new Link(rs.getLong("chain_seq"), rs.getString("hash")))
			.single();
	}

	/** The places these events take after {@code end}, one after another. */
	static Places after(Link end, List<ChainedFields> events) {
		int n = events.size();
		long[] seqs = new long[n];
		String[] previous = new String[n];
		String[] hashes = new String[n];
		Link link = end;
		for (int i = 0; i < n; i++) {
			seqs[i] = link.seq() + 1;
			previous[i] = link.hash();
			hashes[i] = AuditChain.hash(link.hash(), events.get(i));
			link = new Link(seqs[i], hashes[i]);
		}
		return new Places(seqs, previous, hashes, link);
	}

	/** Moves the chain's end to the last of the places, the event with this id. */
	static void moveTo(JdbcClient jdbc, Places places, long lastEventId) {
		jdbc.sql("update audit_chain_head set chain_seq = ?, event_id = ?, hash = ?, sealed_at = now() where id = 1")
			.params(places.last().seq(), lastEventId, places.last().hash())
			.update();
	}

}
