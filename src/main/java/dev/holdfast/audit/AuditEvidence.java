package dev.holdfast.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.shared.Permission;

/**
 * The audit events an evidence package about one employee holds, for holders of
 * {@code evidence.build}: what the employee did, what was done to them as an employee,
 * every event whose facts name them ({@code employeeId}: canary hits, checklist ticks),
 * and the leak traces that found one of their exports. Each event comes with its chain
 * hashes, so that a reader can recompute them ({@link #hashOf}), and the whole chain's
 * verification up to now.
 */
@Service
public class AuditEvidence {

	private static final String MATCHING = """
			select * from audit_event a
			where a.occurred_at >= :from and a.occurred_at < :to and a.hash is not null
			  and (a.actor_id = :id
			       or (a.target_type = 'employee' and a.target_id = :idText)
			       or (a.details::jsonb ->> 'employeeId') = :idText
			       or (a.action = 'LEAK_TRACED' and exists (
			              select 1 from audit_event r
			              where r.action = 'EXPORT_REQUESTED' and r.actor_id = :id
			                and (a.details::jsonb -> 'exports') @> to_jsonb(r.target_id::bigint))))
			order by a.chain_seq
			limit :limit""";

	private final JdbcClient jdbc;

	private final AuditSealer sealer;

	private final TransactionTemplate readOnly;

	AuditEvidence(JdbcClient jdbc, AuditSealer sealer, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Seals what has committed, then the sealed events about the employee in [from, to),
	 * in the chain's order, at most {@code limit} of them.
	 */
	public List<AuditEventView> about(long employeeId, Instant from, Instant to, int limit) {
		Permission.EVIDENCE_BUILD.require();
		this.sealer.sealPending();
		return this.readOnly.execute(status -> this.jdbc.sql(MATCHING)
			.param("id", employeeId)
			.param("idText", Long.toString(employeeId))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(AuditLog::view)
			.list());
	}

	/**
	 * The whole chain walked from its first event to the head, every hash recomputed
	 * (call after {@link #about}, which sealed).
	 */
	public ChainVerification verifyChain() {
		Permission.EVIDENCE_BUILD.require();
		return this.readOnly.execute(status -> AuditChains.head(this.jdbc)
			.map(head -> AuditChains.verifyUpTo(this.jdbc, head))
			.orElseGet(() -> ChainVerification.intact(0)));
	}

	/**
	 * The hash an event must have, recomputed from its fields and the hash of the event
	 * before it ({@code prevHash}): equal to its {@code hash} when it is unchanged.
	 */
	public static String hashOf(AuditEventView event) {
		return AuditChain.hash(event.prevHash(), AuditLog.fields(event));
	}

}
