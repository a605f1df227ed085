package dev.holdfast.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

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
	public void record(String action, String targetType, Object targetId, Map<String, ?> details) {
		EmployeePrincipal actor = CurrentEmployee.find().orElse(null);
		recordAs(actor == null ? null : actor.employeeId(), actor == null ? null : actor.username(), action, targetType,
				targetId, details);
	}

	/**
	 * Records an action of a given actor, e.g. a login attempt before anyone is
	 * authenticated.
	 */
	@Transactional
	public void recordAs(Long actorId, String actorUsername, String action, String targetType, Object targetId,
			Map<String, ?> details) {
		RequestClient client = RequestClient.current();
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
		String previous = this.jdbc.sql("select hash from audit_event order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(AuditChain.GENESIS);
		ChainedFields fields = new ChainedFields(Instant.now().truncatedTo(ChronoUnit.MICROS), actorId, actorUsername,
				action, targetType, targetId == null ? null : targetId.toString(), client.ip(), client.userAgent(),
				this.json.writeValueAsString(new TreeMap<>(details)));
		String hash = AuditChain.hash(previous, fields);
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_username, action, target_type, target_id,
				                         client_ip, user_agent, details, prev_hash, hash)
				values (:at, :actorId, :actorUsername, :action, :targetType, :targetId, :ip, :agent, :details,
				        :prev, :hash)""")
			.param("at", java.sql.Timestamp.from(fields.occurredAt()))
			.param("actorId", actorId)
			.param("actorUsername", actorUsername)
			.param("action", action)
			.param("targetType", targetType)
			.param("targetId", fields.targetId())
			.param("ip", fields.clientIp())
			.param("agent", fields.userAgent())
			.param("details", fields.details())
			.param("prev", previous)
			.param("hash", hash)
			.update();
	}

}
