package dev.holdfast.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * event commit or roll back together. An event is inserted unsealed, without any lock;
 * {@link AuditSealer} chains it after it has committed (each event then holds the hash of
 * the one before it). Bulk work may chain its events in its own transaction instead
 * ({@link #recordAllChained}). Events hold ids and facts, never phone numbers or e-mail
 * addresses.
 */
@Service
public class AuditTrail {

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
	 * Records many actions of the current employee (or of the system) at once, in one
	 * insert, for bulk work such as a handover of thousands of customers.
	 */
	@Transactional
	public void recordAll(List<AuditEntry> entries) {
		EmployeePrincipal actor = CurrentEmployee.find().orElse(null);
		recordAllAs(actor == null ? null : actor.employeeId(), actor == null ? null : actor.username(), entries);
	}

	/**
	 * Records many actions of the current employee at once and chains them in the
	 * caller's transaction, as the sealer would chain them after it (the same hashes, in
	 * this order), so that the sealer has nothing left to do for them: for bulk work of
	 * thousands of events per transaction (an import's chunk), where sealing each event
	 * afterwards (an update of each row, with all its indexes and the append-only
	 * trigger) costs about twice its insert. Holds the chain's end ({@code
	 * audit_chain_head}) until the caller's transaction ends: the sealer and other such
	 * callers wait for it meanwhile, so the caller should end its transaction soon after.
	 */
	@Transactional
	public void recordAllChained(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		EmployeePrincipal actor = CurrentEmployee.find().orElse(null);
		List<ChainedFields> given = fields(actor == null ? null : actor.employeeId(),
				actor == null ? null : actor.username(), entries);
		ChainEnd.Places places = ChainEnd.after(ChainEnd.lock(this.jdbc), given);
		ChainedFields first = given.get(0);
		List<Long> ids = this.jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_username, action, target_type, target_id,
				                         client_ip, user_agent, details, chain_seq, prev_hash, hash)
				select :at, :actorId, :actorUsername, e.action, e.target_type, e.target_id, :ip, :agent,
				       e.details, e.chain_seq, e.prev_hash, e.hash
				from unnest(:actions::text[], :targetTypes::text[], :targetIds::text[], :details::text[],
				            :seqs::bigint[], :previous::text[], :hashes::text[])
				     with ordinality as e (action, target_type, target_id, details, chain_seq, prev_hash, hash, n)
				order by e.n
				returning id""")
			.param("at", Timestamp.from(first.occurredAt()))
			.param("actorId", first.actorId())
			.param("actorUsername", first.actorUsername())
			.param("ip", first.clientIp())
			.param("agent", first.userAgent())
			.param("actions", column(given, ChainedFields::action))
			.param("targetTypes", column(given, ChainedFields::targetType))
			.param("targetIds", column(given, ChainedFields::targetId))
			.param("details", column(given, ChainedFields::details))
			.param("seqs", places.seqs())
			.param("previous", places.previous())
			.param("hashes", places.hashes())
			.query(Long.class)
			.list();
		ChainEnd.moveTo(this.jdbc, places, ids.stream().mapToLong(Long::longValue).max().orElseThrow());
	}

	private List<ChainedFields> fields(Long actorId, String actorUsername, List<AuditEntry> entries) {
		RequestClient client = RequestClient.current();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<ChainedFields> rows = new ArrayList<>(entries.size());
		for (AuditEntry entry : entries) {
			rows.add(new ChainedFields(now, actorId, actorUsername, entry.action().name(), entry.targetType(),
					entry.targetId() == null ? null : entry.targetId().toString(), client.ip(), client.userAgent(),
					this.json.writeValueAsString(new TreeMap<>(entry.details()))));
		}
		return rows;
	}

	private void recordAllAs(Long actorId, String actorUsername, List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		List<ChainedFields> rows = fields(actorId, actorUsername, entries);
		ChainedFields first = rows.get(0);
		if (rows.size() == 1) {
			insertOne(first);
			return;
		}
		// one statement for the whole batch: a handover writes thousands of events at
		// once
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_username, action, target_type, target_id,
				                         client_ip, user_agent, details)
				select :at, :actorId, :actorUsername, e.action, e.target_type, e.target_id, :ip, :agent, e.details
				from unnest(:actions::text[], :targetTypes::text[], :targetIds::text[], :details::text[])
				     with ordinality as e (action, target_type, target_id, details, n)
				order by e.n""")
			.param("at", Timestamp.from(first.occurredAt()))
			.param("actorId", first.actorId())
			.param("actorUsername", first.actorUsername())
			.param("ip", first.clientIp())
			.param("agent", first.userAgent())
			.param("actions", column(rows, ChainedFields::action))
			.param("targetTypes", column(rows, ChainedFields::targetType))
			.param("targetIds", column(rows, ChainedFields::targetId))
			.param("details", column(rows, ChainedFields::details))
			.update();
	}

	/** The common case, one event, without the batch's arrays to plan and unpack. */
	private void insertOne(ChainedFields fields) {
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_username, action, target_type, target_id,
				                         client_ip, user_agent, details)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(fields.occurredAt()), fields.actorId(), fields.actorUsername(), fields.action(),
					fields.targetType(), fields.targetId(), fields.clientIp(), fields.userAgent(), fields.details())
			.update();
	}

	private static String[] column(List<ChainedFields> rows, Function<ChainedFields, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

}
