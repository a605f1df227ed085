package dev.holdfast.pool;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.Ownership;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.NoticePeriodException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Returning one customer to the pool by hand: its owner gives it up, or a manager over
 * the owner takes it away. A locked customer stays, and so does a customer of someone
 * serving notice: it goes through the handover, which the leaver can't empty this way.
 */
@Service
public class PoolReturns {

	private final CustomerVisibility visibility;

	private final VisibleCustomers visible;

	private final PoolMoves moves;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final OrganizationManagement organization;

	private final Ownership ownership;

	PoolReturns(CustomerVisibility visibility, VisibleCustomers visible, PoolMoves moves, JdbcClient jdbc,
			AuditTrail audit, OrganizationManagement organization, Ownership ownership) {
		this.ownership = ownership;
		this.organization = organization;
		this.visibility = visibility;
		this.visible = visible;
		this.moves = moves;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public long returnToPool(long customerId, String reason) {
		this.visibility.requireVisible(customerId);
		GuardedAction.RETURN_TO_POOL.check();
		String why = new ReturnForm(reason).required();
		long me = CurrentEmployee.id();
		Ownership.OwnerState state = this.ownership.lockOwner(customerId)
			.orElseThrow(() -> new NotFoundException("customer"));
		Long owner = state.ownerId();
		refuseUnlessReturnable(customerId, owner, state.archived(), me);
		Long pool = this.moves.release(customerId, owner, why, me);
		if (pool == null) {
			throw new NotFoundException("customer");
		}
		this.audit.record(AuditAction.CUSTOMER_RETURNED_TO_POOL, "customer", customerId,
				Map.of("previousOwnerId", owner, "poolId", pool, "reason", "manual"));
		return pool;
	}

	/**
	 * Whether the caller may return the customer to the pool now, by the rules of
	 * {@link #returnToPool}: for the customer page, which offers the form only then.
	 */
	@Transactional(readOnly = true)
	public boolean mayReturn(long customerId) {
		if (!this.visibility.accessTo(customerId).canRead() || !GuardedAction.RETURN_TO_POOL.allowed()) {
			return false;
		}
		Ownership.OwnerState state = this.ownership.ownerState(customerId).orElse(null);
		if (state == null) {
			return false;
		}
		try {
			refuseUnlessReturnable(customerId, state.ownerId(), state.archived(), CurrentEmployee.id());
			return true;
		}
		catch (ConflictException | ForbiddenException refused) {
			return false;
		}
	}

	private void refuseUnlessReturnable(long customerId, Long owner, boolean archived, long me) {
		if (owner == null) {
			throw new ConflictException("in_pool", "the customer is in the pool already");
		}
		if (owner != me && !(Permission.POOL_ASSIGN.isHeld() && this.visible.ownersOfCaller().covers(owner))) {
			throw new ForbiddenException("only the owner or a manager over them may return this customer");
		}
		if (archived) {
			throw new ConflictException("archived", "the customer is archived");
		}
		if (this.organization.employee(owner).status() == EmploymentStatus.LEAVING) {
			throw new NoticePeriodException("the owner is serving notice: the customer goes through the handover");
		}
		boolean locked = this.jdbc
			.sql("select exists (select 1 from customer_lock where customer_id = ? and released_at is null)")
			.param(customerId)
			.query(Boolean.class)
			.single();
		if (locked) {
			throw new ConflictException("locked", "a manager locked this customer with its owner");
		}
	}

}
