package dev.holdfast.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.RequestClient;

/**
 * Writes audit events in the transaction of what they record, so that a change and its
 * event commit or roll back together. Events are chained: each holds the hash of the one
 * before it, and a transaction-scoped lock keeps the chain in one line across instances.
 * Events hold ids and facts, never phone numbers or e-mail addresses.
 */
@Service
public class AuditTrail {

	private static final long CHAIN_LOCK = 0x486f6c6466617374L;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditTrail(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records an action of the current employee (or of the system, outside a request).
	 */
	@Transactional
	public void record(AuditAction action, String targetType, Object targetId, Map<String, ?> details) {
		EmployeePrincipal actor = CurrentEmployee.find().orElse(null);
		recordAs(actor == null ? null : actor.employeeId(), actor == null ? null : actor.username(), action, targetType,
				targetId, details);
	}

	/**
	 * Records an action of a given actor, e.g. a login attempt before anyone is
	 * authenticated.
	 */
	@Transactional
	public void recordAs(Long actorId, String actorUsername, AuditAction action, String targetType, Object targetId,
			Map<String, ?> details) {
		recordAllAs(actorId, actorUsername, List.of(new AuditEntry(action, targetType, targetId, details)));
	}

	/**
	 * Records many actions of the current employee (or of the system) at once: one lock,
	 * one look-up of the chain's end and one batch of inserts, for bulk work such as a
	 * handover of thousands of customers.
	 */
	@Transactional
	public void recordAll(List<AuditEntry> entries) {
		EmployeePrincipal actor = CurrentEmployee.find().orElse(null);
		recordAllAs(actor == null ? null : actor.employeeId(), actor == null ? null : actor.username(), entries);
	}

	private void recordAllAs(Long actorId, String actorUsername, List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		RequestClient client = RequestClient.current();
		// the lock and the read of the chain's end in one round trip: the function reads
		// the end with a snapshot taken after the lock is held (V19)
		String end = this.jdbc.sql("select audit_chain_end(?)")
			.param(CHAIN_LOCK)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
		String previous = end == null ? AuditChain.GENESIS : end;
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<Chained> rows = new ArrayList<>(entries.size());
		for (AuditEntry entry : entries) {
			ChainedFields fields = new ChainedFields(now, actorId, actorUsername, entry.action().name(),
					entry.targetType(), entry.targetId() == null ? null : entry.targetId().toString(), client.ip(),
					client.userAgent(), this.json.writeValueAsString(new TreeMap<>(entry.details())));
			String hash = AuditChain.hash(previous, fields);
			rows.add(new Chained(fields, previous, hash));
			previous = hash;
		}
		if (rows.size() == 1) {
			insertOne(actorId, actorUsername, client, rows.get(0));
			return;
		}
		// one statement for the whole batch: a handover writes thousands of events at
		// once
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_username, action, target_type, target_id,
				                         client_ip, user_agent, details, prev_hash, hash)
				select :at, :actorId, :actorUsername, e.action, e.target_type, e.target_id, :ip, :agent, e.details,
				       e.prev_hash, e.hash
				from unnest(:actions::text[], :targetTypes::text[], :targetIds::text[], :details::text[],
				            :prevHashes::text[], :hashes::text[])
				     with ordinality as e (action, target_type, target_id, details, prev_hash, hash, n)
				order by e.n""")
			.param("at", Timestamp.from(now))
			.param("actorId", actorId)
			.param("actorUsername", actorUsername)
			.param("ip", client.ip())
			.param("agent", client.userAgent())
			.param("actions", column(rows, c -> c.fields().action()))
			.param("targetTypes", column(rows, c -> c.fields().targetType()))
			.param("targetIds", column(rows, c -> c.fields().targetId()))
			.param("details", column(rows, c -> c.fields().details()))
			.param("prevHashes", column(rows, Chained::previous))
			.param("hashes", column(rows, Chained::hash))
			.update();
	}

	/** The common case, one event, without the batch's arrays to plan and unpack. */
	private void insertOne(Long actorId, String actorUsername, RequestClient client, Chained row) {
		ChainedFields fields = row.fields();
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_username, action, target_type, target_id,
				                         client_ip, user_agent, details, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(fields.occurredAt()), actorId, actorUsername, fields.action(), fields.targetType(),
					fields.targetId(), client.ip(), client.userAgent(), fields.details(), row.previous(), row.hash())
			.update();
	}

	/** One event of a batch, with its place in the chain. */
	private record Chained(ChainedFields fields, String previous, String hash) {
	}

	private static String[] column(List<Chained> rows, Function<Chained, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

}
