package dev.holdfast.pool;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.PoolReaders;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.shared.Permission;

/**
 * Which pools an employee may see: those holding {@code customer.claim} or
 * {@code pool.assign} see the company pool and region pools, and a department's pool when
 * they work in that department or below it; someone who sees everyone's customers sees
 * all pools. Also tells {@code CustomerVisibility} who may read a pool's customers.
 */
@Component
class PoolScope implements PoolReaders {

	private static final String VISIBLE = """
			with recursive mine (id) as (
			    select department_id from employee_directory where id = :me and department_id is not null
			    union select d.parent_id from department_directory d join mine m on d.id = m.id where d.parent_id is not null)
			select p.id from pool p
			where p.active and (:all or p.department_id is null or p.department_id in (select id from mine))
			order by p.company_wide desc, p.name""";

	private final JdbcClient jdbc;

	private final VisibleCustomers visible;

	PoolScope(JdbcClient jdbc, VisibleCustomers visible) {
		this.jdbc = jdbc;
		this.visible = visible;
	}

	/** The ids of the pools the employee may see; none without either permission. */
	@Transactional(readOnly = true)
	List<Long> visiblePools(long employeeId) {
		if (!Permission.CUSTOMER_CLAIM.isHeld() && !Permission.POOL_ASSIGN.isHeld()) {
			return List.of();
		}
		return this.jdbc.sql(VISIBLE)
			.param("me", employeeId)
			.param("all", this.visible.ownersOf(employeeId).all())
			.query(Long.class)
			.list();
	}

	/** The pool the ownerless customer is in, if the employee may see that pool. */
	@Transactional(readOnly = true)
	java.util.Optional<Long> visiblePoolOf(long customerId, long employeeId) {
		List<Long> pools = visiblePools(employeeId);
		if (pools.isEmpty()) {
			return java.util.Optional.empty();
		}
		return this.jdbc
			.sql("""
					select e.pool_id from pool_entry e join customer_directory c on c.id = e.customer_id and c.owner_id is null
					where e.customer_id = :customer and e.left_at is null and e.pool_id in (:pools)""")
			.param("customer", customerId)
			.param("pools", pools)
			.query(Long.class)
			.optional();
	}

	/**
	 * Whether the customer has left a pool the employee may see: someone claimed it or a
	 * manager assigned it.
	 */
	@Transactional(readOnly = true)
	boolean takenFromVisiblePool(long customerId, long employeeId) {
		List<Long> pools = visiblePools(employeeId);
		return !pools.isEmpty() && this.jdbc.sql("""
				select count(*) from pool_entry
				where customer_id = :customer and left_at is not null and pool_id in (:pools)""")
			.param("customer", customerId)
			.param("pools", pools)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public boolean mayRead(long customerId, long employeeId) {
		return visiblePoolOf(customerId, employeeId).isPresent();
	}

}
