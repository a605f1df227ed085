package dev.holdfast.audit;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the hash chain of the audit trail. Requests insert their events unsealed and
 * take no lock ({@link AuditTrail}); the sealer chains what has committed since, in
 * batches.
 * <p>
 * Each batch is one transaction that first locks the one row of {@code audit_chain_head}
 * ({@code select ... for update}): a second sealer, on this instance or another, waits
 * there, then reads the head the first one left and finds only what is still unsealed, so
 * no event is chained twice. The chain's order is the order of sealing
 * ({@code chain_seq}), not the id order: an id is taken when the insert runs, and its
 * transaction may commit after events with higher ids were sealed; it is simply chained
 * in a later batch.
 */
@Service
public class AuditSealer {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final int batchSize;

	AuditSealer(JdbcClient jdbc, PlatformTransactionManager transactions, AuditSealProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		// its own transactions, each statement seeing what has committed (read committed)
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.batchSize = properties.sealBatch();
	}

	/**
	 * Seals every event committed before the call (and any committed meanwhile), batch by
	 * batch. Whoever needs the chain's head as of now (a backup, the verification) calls
	 * this first.
	 * @return the number of events this call sealed
	 */
	public long sealPending() {
		long sealed = 0;
		int batch;
		do {
			batch = this.transactions.execute(status -> sealBatch());
			sealed += batch;
		}
		while (batch == this.batchSize);
		return sealed;
	}

	/** How long the oldest event not sealed yet has waited; zero when there is none. */
	public Duration oldestUnsealedAge() {
		return this.jdbc.sql("""
				select extract(epoch from clock_timestamp() - occurred_at)
				from audit_event where chain_seq is null order by id limit 1""")
			.query(Double.class)
			.optional()
			.map(seconds -> Duration.ofNanos(Math.max(0, (long) (seconds * 1e9))))
			.orElse(Duration.ZERO);
	}

	private int sealBatch() {
		ChainEnd.Link end = ChainEnd.lock(this.jdbc);
		List<AuditEventView> events = this.jdbc
			.sql("select * from audit_event where chain_seq is null order by id limit ?")
			.param(this.batchSize)
			.query(AuditLog::view)
			.list();
		if (events.isEmpty()) {
			return 0;
		}
		int n = events.size();
		long[] ids = new long[n];
		String[] occurred = new String[n];
		for (int i = 0; i < n; i++) {
			ids[i] = events.get(i).id();
			occurred[i] = events.get(i).occurredAt().toString();
		}
		ChainEnd.Places places = ChainEnd.after(end, events.stream().map(AuditLog::fields).toList());
		int updated = this.jdbc.sql("""
				update audit_event e set chain_seq = s.chain_seq, prev_hash = s.prev_hash, hash = s.hash
				from unnest(:ids::bigint[], :occurred::timestamptz[], :seqs::bigint[], :previous::text[],
				            :hashes::text[]) as s (id, occurred_at, chain_seq, prev_hash, hash)
				where e.id = s.id and e.occurred_at = s.occurred_at and e.chain_seq is null""")
			.param("ids", ids)
			.param("occurred", occurred)
			.param("seqs", places.seqs())
			.param("previous", places.previous())
			.param("hashes", places.hashes())
			.update();
		if (updated != n) {
			// cannot happen while the head row is held; rolls the batch back if it does
			throw new IllegalStateException("sealed " + updated + " of " + n + " audit events: another sealer?");
		}
		ChainEnd.moveTo(this.jdbc, places, ids[n - 1]);
		return n;
	}

}
