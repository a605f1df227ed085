package dev.holdfast.pool;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.audit.AuditAction;

/**
 * Reading the pools: the customers in the pools the caller may see, and the caller's own
 * customers about to be returned.
 */
@Service
public class PoolCustomers {

	private final JdbcClient jdbc;

	private final PoolScope scope;

	private final VisibleCustomers visible;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final CustomerReads reads;

	PoolCustomers(JdbcClient jdbc, PoolScope scope, VisibleCustomers visible, OrganizationManagement organization,
			AuditTrail audit, CustomerReads reads) {
		this.reads = reads;
		this.jdbc = jdbc;
		this.scope = scope;
		this.visible = visible;
		this.organization = organization;
		this.audit = audit;
	}

	/**
	 * A page of pool customers, newest in the pool first, filtered by pool, level and
	 * name.
	 */
	@Transactional
	public List<PoolCustomerView> list(Long poolId, String level, String q, PageRequest page) {
		long me = CurrentEmployee.id();
		List<Long> pools = this.scope.visiblePools(me)
			.stream()
			.filter(p -> poolId == null || p.equals(poolId))
			.toList();
		if (pools.isEmpty()) {
			return List.of();
		}
		String text = (q == null || q.isBlank()) ? null : "%" + q.strip().toLowerCase() + "%";
		List<PoolCustomerView> rows = this.jdbc
			.sql("""
					select c.id, c.name, c.level, c.industry, c.region, e.entered_at, p.id as pool_id, p.name as pool_name,
					       e.previous_owner_id
					from pool_entry e
					join customer_directory c on c.id = e.customer_id and c.owner_id is null and c.archived_at is null
					join pool p on p.id = e.pool_id
					where e.pool_id in (:pools) and e.left_at is null and (cast(:level as varchar) is null or c.level = :level)
					  and (cast(:text as varchar) is null or lower(c.name) like :text)
					order by e.entered_at desc, c.id desc limit :size offset :offset""")
			.param("pools", pools)
			.param("level", level == null || level.isBlank() ? null : level)
			.param("text", text)
			.param("size", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> new PoolCustomerView(rs.getLong("id"), rs.getString("name"), rs.getString("level"),
					rs.getString("industry"), rs.getString("region"), rs.getTimestamp("entered_at").toInstant(),
					rs.getLong("pool_id"), rs.getString("pool_name"), rs.getObject("previous_owner_id", Long.class),
					null))
			.list();
		this.reads.rows(rows.size());
		this.audit.record(AuditAction.POOL_CUSTOMERS_LISTED, "pool", poolId, Map.of("rows", rows.size()));
		return withPreviousOwners(me, rows);
	}

	/** The pools the caller may see, by name, for choosing one. */
	@Transactional(readOnly = true)
	public List<PoolChoice> visiblePools() {
		List<Long> pools = this.scope.visiblePools(CurrentEmployee.id());
		if (pools.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select id, name from pool where id in (:pools) order by company_wide desc, name")
			.param("pools", pools)
			.query((rs, row) -> new PoolChoice(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** A pool's id and name. */
	public record PoolChoice(long id, String name) {
	}

	/**
	 * The previous owner stays hidden unless the caller sees that owner's customers
	 * anyway.
	 */
	private List<PoolCustomerView> withPreviousOwners(long me, List<PoolCustomerView> rows) {
		VisibleCustomers.Owners mine = this.visible.ownersOfCaller();
		List<Long> shown = rows.stream()
			.map(PoolCustomerView::previousOwnerId)
			.filter(Objects::nonNull)
			.filter(mine::covers)
			.distinct()
			.toList();
		Map<Long, String> names = this.organization.displayNames(shown);
		return rows.stream()
			.map(r -> shown.contains(r.previousOwnerId())
					? r.withPreviousOwner(r.previousOwnerId(), names.get(r.previousOwnerId()))
					: r.withPreviousOwner(null, null))
			.toList();
	}

	/**
	 * The caller's customers whose owner the nightly job warned and that will return at
	 * the date it gave, unless a substantive follow-up or a status change comes first.
	 */
	@Transactional(readOnly = true)
	public List<PoolWarningView> warnings() {
		return this.jdbc.sql("""
				select c.id, c.name, c.level, w.due_at from pool_warning w
				join pool_due d on d.customer_id = w.customer_id and d.owner_id = w.owner_id and d.due_at = w.due_at
				join customer_directory c on c.id = w.customer_id
				where w.owner_id = :me and d.owner_id = :me
				order by w.due_at, c.id""")
			.param("me", CurrentEmployee.id())
			.query((rs, row) -> new PoolWarningView(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

}
