package dev.holdfast.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;

/**
 * Reading the audit trail: search for auditors and administrators, and verification of
 * the hash chain.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final AuditSealer sealer;

	private final TransactionTemplate readOnly;

	private final int exactTotalLimit;

	AuditLog(JdbcClient jdbc, AuditTrail trail, AuditSealer sealer, PlatformTransactionManager transactions,
			AuditSearchProperties properties) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.sealer = sealer;
		this.exactTotalLimit = properties.exactTotalLimit();
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * One page of the events the query finds, newest (highest id) first, with their total
	 * counted up to the exact-total limit: a search without a date range reads every
	 * online month, and counting all of one busy employee's events or the whole trail
	 * would cost more than the page. Both are index scans: the page merges each month's
	 * index in id order ({@code (actor_id, id)} for an employee, V61; the primary key
	 * otherwise), the count stops one row past the limit.
	 */
	@Transactional
	public PageResult<AuditEventView> search(AuditQuery query, PageRequest page) {
		Permission.AUDIT_READ.require();
		Filter filter = filter(query);
		Total total = total(filter);
		List<AuditEventView> items = this.jdbc
			.sql("select * from audit_event" + filter.where() + " order by id desc limit :limit offset :offset")
			.params(filter.params())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AuditLog::view)
			.list();
		this.trail.record(AuditAction.AUDIT_SEARCHED, "audit_event", null, Map.of("rows", items.size()));
		return new PageResult<>(items, page.page(), page.size(), total.count(), total.exact());
	}

	/** The events the query finds, counted up to the exact-total limit. */
	Total total(AuditQuery query) {
		return total(filter(query));
	}

	private Total total(Filter filter) {
		long counted = this.jdbc
			.sql("select count(*) from (select 1 from audit_event" + filter.where() + " limit :countLimit) c")
			.params(filter.params())
			.param("countLimit", this.exactTotalLimit + 1)
			.query(Long.class)
			.single();
		return counted > this.exactTotalLimit ? new Total(this.exactTotalLimit, false) : new Total(counted, true);
	}

	private static Filter filter(AuditQuery query) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		condition(conditions, params, "actor_id = :actorId", "actorId", query.actorId());
		condition(conditions, params, "action = :action", "action", query.action());
		condition(conditions, params, "target_type = :targetType", "targetType", query.targetType());
		condition(conditions, params, "target_id = :targetId", "targetId", query.targetId());
		condition(conditions, params, "occurred_at >= :from", "from",
				query.from() == null ? null : Timestamp.from(query.from()));
		condition(conditions, params, "occurred_at < :to", "to",
				query.to() == null ? null : Timestamp.from(query.to()));
		return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
	}

	/**
	 * Seals what has committed, then walks the whole chain from the first event to the
	 * head the sealer recorded, recomputing every hash. Not one transaction: the sealing
	 * commits its own, and the walk reads what they left.
	 */
	public ChainVerification verify() {
		Permission.AUDIT_READ.require();
		this.sealer.sealPending();
		return this.readOnly
			.execute(status -> this.jdbc.sql("select event_id, hash from audit_chain_head where event_id is not null")
				.query((rs, n) -> new AuditChainHead(rs.getLong("event_id"), rs.getString("hash")))
				.optional()
				.map(head -> AuditChains.verifyUpTo(this.jdbc, head))
				.orElseGet(() -> ChainVerification.intact(0)));
	}

	static ChainedFields fields(AuditEventView event) {
		return new ChainedFields(event.occurredAt(), event.actorId(), event.actorUsername(), event.action(),
				event.targetType(), event.targetId(), event.clientIp(), event.userAgent(), event.details());
	}

	private static void condition(List<String> conditions, Map<String, Object> params, String sql, String name,
			Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			conditions.add(sql);
			params.put(name, value);
		}
	}

	static AuditEventView view(ResultSet rs, int row) throws SQLException {
		Long actor = rs.getObject("actor_id", Long.class);
		return new AuditEventView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), actor,
				rs.getString("actor_username"), rs.getString("action"), rs.getString("target_type"),
				rs.getString("target_id"), rs.getString("client_ip"), rs.getString("user_agent"),
				rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private record Filter(String where, Map<String, Object> params) {
	}

	/** A total, or with {@code exact} false the exact-total limit as a lower bound. */
	record Total(long count, boolean exact) {
	}

}
