package dev.holdfast.pool;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/** Pools and their rules, kept by administrators ({@code pool.manage}). */
@Service
public class PoolAdministration {

	private static final Set<String> LEVELS = Set.of("A", "B", "C", "D");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	PoolAdministration(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<PoolView> pools() {
		Permission.POOL_MANAGE.require();
		return this.jdbc.sql("""
				select p.id, p.name, p.department_id, p.region, p.company_wide, p.active,
				       (select count(*) from pool_entry e where e.pool_id = p.id and e.left_at is null) as customers
				from pool p order by p.company_wide desc, p.name, p.id""")
			.query((rs, row) -> new PoolView(rs.getLong("id"), rs.getString("name"),
					rs.getObject("department_id", Long.class), rs.getString("region"), rs.getBoolean("company_wide"),
					rs.getBoolean("active"), rs.getLong("customers"), rules(rs.getLong("id"))))
			.list();
	}

	private List<PoolRuleView> rules(long poolId) {
		return this.jdbc.sql("""
				select level, return_after_days, no_progress_days, warn_days, active from pool_rule
				where pool_id = ? order by level""")
			.param(poolId)
			.query((rs, row) -> new PoolRuleView(rs.getString(1), rs.getObject(2, Integer.class),
					rs.getObject(3, Integer.class), rs.getInt(4), rs.getBoolean(5)))
			.list();
	}

	@Transactional
	public long create(PoolForm form) {
		GuardedAction.MANAGE_POOLS.require();
		long id = save(
				() -> this.jdbc.sql("insert into pool (name, department_id, region) values (?, ?, ?) returning id")
					.params(form.name().strip(), form.departmentId(), blankToNull(form.region()))
					.query(Long.class)
					.single());
		this.audit.record(AuditAction.POOL_CREATED, "pool", id, departmentOf(form));
		return id;
	}

	@Transactional
	public void update(long id, PoolForm form) {
		GuardedAction.MANAGE_POOLS.require();
		int changed = save(() -> this.jdbc.sql("""
				update pool set name = ?, department_id = case when company_wide then null else ? end, region = ?,
				       active = case when company_wide then true else coalesce(?, active) end
				where id = ?""")
			.params(form.name().strip(), form.departmentId(), blankToNull(form.region()), form.active(), id)
			.update());
		if (changed == 0) {
			throw new NotFoundException("pool");
		}
		this.audit.record(AuditAction.POOL_UPDATED, "pool", id, departmentOf(form));
	}

	@Transactional
	public void putRule(long poolId, String level, PoolRuleForm form) {
		GuardedAction.MANAGE_POOLS.require();
		if (!LEVELS.contains(level)) {
			throw new InvalidInputException("level", "one of A, B, C, D");
		}
		if (this.jdbc.sql("select count(*) from pool where id = ?").param(poolId).query(Long.class).single() == 0) {
			throw new NotFoundException("pool");
		}
		boolean active = form.active() == null || form.active();
		this.jdbc.sql("""
				insert into pool_rule (pool_id, level, return_after_days, no_progress_days, warn_days, active)
				values (?, ?, ?, ?, ?, ?)
				on conflict (pool_id, level) do update set return_after_days = excluded.return_after_days,
				    no_progress_days = excluded.no_progress_days, warn_days = excluded.warn_days,
				    active = excluded.active""")
			.params(poolId, level, form.returnAfterDays(), form.noProgressDays(), form.warnDays(), active)
			.update();
		this.audit.record(AuditAction.POOL_RULE_CHANGED, "pool", poolId, Map.of("level", level, "active", active));
	}

	private static <T> T save(java.util.function.Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DuplicateKeyException ex) {
			// which unique index refused the row: the name's (uq_pool_name, V48) or the
			// department's
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("uq_pool_name")) {
				throw new ConflictException("pool_name_taken", "a pool of this name exists already");
			}
			throw new ConflictException("pool_exists", "the department has an active pool already");
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw new InvalidInputException("departmentId", "no such department");
		}
	}

	private static Map<String, Object> departmentOf(PoolForm form) {
		return form.departmentId() == null ? Map.of() : Map.of("departmentId", form.departmentId());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
