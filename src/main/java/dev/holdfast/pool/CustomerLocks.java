package dev.holdfast.pool;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.Ownership;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.shared.NotFoundException;

/**
 * A manager's lock keeps a customer with its owner whatever the pool rules say. Released
 * locks stay in the table as history.
 */
@Service
public class CustomerLocks {

	private final CustomerVisibility visibility;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Ownership ownership;

	CustomerLocks(CustomerVisibility visibility, JdbcClient jdbc, AuditTrail audit, Ownership ownership) {
		this.ownership = ownership;
		this.visibility = visibility;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A customer's lock now. */
	public record LockView(long customerId, boolean locked, String reason, Instant lockedAt) {
	}

	@Transactional
	public LockView lock(long customerId, String reason) {
		this.visibility.requireVisible(customerId);
		GuardedAction.LOCK.require();
		String why = new ReturnForm(reason).required();
		boolean pooled = this.ownership.lockOwner(customerId)
			.orElseThrow(() -> new NotFoundException("customer"))
			.ownerId() == null;
		if (pooled) {
			throw new ConflictException("in_pool", "a customer in the pool has no owner to keep it");
		}
		int added = this.jdbc.sql("""
				insert into customer_lock (customer_id, reason, locked_by) values (?, ?, ?)
				on conflict (customer_id) where released_at is null do nothing""")
			.params(customerId, why, CurrentEmployee.id())
			.update();
		if (added == 0) {
			throw new ConflictException("already_locked", "the customer is locked already");
		}
		this.audit.record(AuditAction.CUSTOMER_LOCKED, "customer", customerId, Map.of("reasonLength", why.length()));
		return current(customerId);
	}

	@Transactional
	public LockView unlock(long customerId, String reason) {
		this.visibility.requireVisible(customerId);
		GuardedAction.LOCK.require();
		int released = this.jdbc.sql("""
				update customer_lock set released_at = now(), released_by = ?
				where customer_id = ? and released_at is null""").params(CurrentEmployee.id(), customerId).update();
		if (released == 0) {
			throw new ConflictException("not_locked", "the customer is not locked");
		}
		this.audit.record(AuditAction.CUSTOMER_UNLOCKED, "customer", customerId,
				Map.of("reasonLength", reason == null ? 0 : reason.length()));
		return current(customerId);
	}

	private LockView current(long customerId) {
		return this.jdbc.sql("""
				select reason, locked_at from customer_lock where customer_id = ? and released_at is null""")
			.param(customerId)
			.query((rs, row) -> new LockView(customerId, true, rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional()
			.orElse(new LockView(customerId, false, null, null));
	}

}
