package dev.holdfast.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.RequestClient;

/**
 * For the audit benchmark ({@code bench.AuditChainBenchmark}) only: the application's
 * trail ({@link Mode#CHAINED}: unsealed insert, chained by the sealer), or the same event
 * inserted into a plain table without any chain ({@link Mode#PLAIN},
 * {@code audit_event_plain}), or chained in the request as before issue 14
 * ({@link Mode#LOCKED}: the advisory lock, the read of the chain's end and the hash in
 * the request's transaction, {@code audit_event_locked}). The mode is switched while the
 * application runs, so that the three are measured in the same run.
 */
public class SwitchableAuditTrail extends AuditTrail {

	/** Where an event goes. */
	public enum Mode {

		CHAINED, PLAIN, LOCKED

	}

	private static final long CHAIN_LOCK = 0x486f6c6466617374L;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private volatile Mode mode = Mode.CHAINED;

	public SwitchableAuditTrail(JdbcClient jdbc, ObjectMapper json) {
		super(jdbc, json);
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The tables of the other two modes: the columns and indexes of audit_event less the
	 * chain's.
	 */
	public static void createTables(JdbcClient jdbc) {
		for (String table : List.of("audit_event_plain", "audit_event_locked")) {
			jdbc.sql("drop table if exists " + table).update();
			jdbc.sql("create table " + table
					+ " (like audit_event including defaults including identity including indexes)")
				.update();
			jdbc.sql("alter table " + table + " drop column chain_seq").update();
		}
		jdbc.sql("alter table audit_event_plain drop column prev_hash, drop column hash").update();
		// V19's function, as it was: the lock, then the end read with a snapshot taken
		// after it
		jdbc.sql("""
				create or replace function bench_locked_chain_end(chain_lock bigint) returns varchar
				    language plpgsql volatile as
				$$
				begin
				    perform pg_advisory_xact_lock(chain_lock);
				    return (select hash from audit_event_locked order by id desc limit 1);
				end
				$$""").update();
	}

	public void use(Mode mode) {
		this.mode = mode;
	}

	@Override
	public void record(AuditAction action, String targetType, Object targetId, Map<String, ?> details) {
		if (this.mode == Mode.CHAINED) {
			super.record(action, targetType, targetId, details);
			return;
		}
		EmployeePrincipal actor = CurrentEmployee.find().orElse(null);
		write(actor == null ? null : actor.employeeId(), actor == null ? null : actor.username(),
				List.of(new AuditEntry(action, targetType, targetId, details)));
	}

	@Override
	public void recordAs(Long actorId, String actorUsername, AuditAction action, String targetType, Object targetId,
			Map<String, ?> details) {
		if (this.mode == Mode.CHAINED) {
			super.recordAs(actorId, actorUsername, action, targetType, targetId, details);
			return;
		}
		write(actorId, actorUsername, List.of(new AuditEntry(action, targetType, targetId, details)));
	}

	@Override
	public void recordAll(List<AuditEntry> entries) {
		if (this.mode == Mode.CHAINED) {
			super.recordAll(entries);
			return;
		}
		EmployeePrincipal actor = CurrentEmployee.find().orElse(null);
		write(actor == null ? null : actor.employeeId(), actor == null ? null : actor.username(), entries);
	}

	private void write(Long actorId, String actorUsername, List<AuditEntry> entries) {
		RequestClient client = RequestClient.current();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		boolean locked = this.mode == Mode.LOCKED;
		String previous = locked ? this.jdbc.sql("select bench_locked_chain_end(?)")
			.param(CHAIN_LOCK)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(AuditChain.GENESIS) : null;
		for (AuditEntry entry : entries) {
			ChainedFields fields = new ChainedFields(now, actorId, actorUsername, entry.action().name(),
					entry.targetType(), entry.targetId() == null ? null : entry.targetId().toString(), client.ip(),
					client.userAgent(), this.json.writeValueAsString(new TreeMap<>(entry.details())));
			Timestamp at = Timestamp.from(now);
			if (locked) {
				String hash = AuditChain.hash(previous, fields);
				this.jdbc.sql("""
						insert into audit_event_locked (occurred_at, actor_id, actor_username, action, target_type,
						                                target_id, client_ip, user_agent, details, prev_hash, hash)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(at, actorId, actorUsername, fields.action(), fields.targetType(), fields.targetId(),
							fields.clientIp(), fields.userAgent(), fields.details(), previous, hash)
					.update();
				previous = hash;
			}
			else {
				this.jdbc.sql("""
						insert into audit_event_plain (occurred_at, actor_id, actor_username, action, target_type,
						                               target_id, client_ip, user_agent, details)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(at, actorId, actorUsername, fields.action(), fields.targetType(), fields.targetId(),
							fields.clientIp(), fields.userAgent(), fields.details())
					.update();
			}
		}
	}

}
