package dev.holdfast.pool;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.OwnerChangeKind;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Taking customers out of a pool: a rep claims one under the caps, a manager assigns one
 * to a rep of their team. A customer in a pool the caller may not see answers 404.
 */
@Service
public class PoolClaims {

	private final PoolScope scope;

	private final ClaimLimits limits;

	private final PoolMoves moves;

	private final OrganizationManagement organization;

	private final VisibleCustomers visible;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	PoolClaims(PoolScope scope, ClaimLimits limits, PoolMoves moves, OrganizationManagement organization,
			VisibleCustomers visible, AuditTrail audit, HoldfastClock clock) {
		this.scope = scope;
		this.limits = limits;
		this.moves = moves;
		this.organization = organization;
		this.visible = visible;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The caller claims the customer: 409 with a code when a cap or the cooldown says no.
	 */
	@Transactional
	public ClaimResult claim(long customerId) {
		GuardedAction.CLAIM.require();
		long me = CurrentEmployee.id();
		long pool = poolOf(customerId, me);
		Instant now = this.clock.now();
		this.limits.lockFor(me);
		this.limits.requireCooledDown(customerId, me, now);
		this.limits.requireRoomFor(me);
		this.limits.requireDailyRoom(me, now);
		take(customerId, me, OwnerChangeKind.CLAIM, "claimed from the pool", me);
		this.audit.record(AuditAction.CUSTOMER_CLAIMED, "customer", customerId, Map.of("poolId", pool));
		return new ClaimResult(customerId, me);
	}

	/** A manager gives a pool customer to an ACTIVE employee within their data scope. */
	@Transactional
	public ClaimResult assign(long customerId, Long employeeId) {
		// before the look-up: someone serving notice assigns nothing, whichever customer
		GuardedAction.ASSIGN_FROM_POOL.check();
		long me = CurrentEmployee.id();
		long pool = poolOf(customerId, me);
		GuardedAction.ASSIGN_FROM_POOL.require();
		if (employeeId == null) {
			throw new InvalidInputException("employeeId", "choose an employee");
		}
		EmployeeView target = this.organization.employee(employeeId);
		if (target.status() != EmploymentStatus.ACTIVE) {
			throw new InvalidInputException("employeeId", "the employee is not active");
		}
		if (!this.organization.activeHolders(Permission.CUSTOMER_CREATE, null).contains(employeeId)) {
			throw new InvalidInputException("employeeId",
					"the employee may not own customers (HR, auditors and customer service don't)");
		}
		if (!this.visible.ownersOfCaller().covers(employeeId)) {
			throw new InvalidInputException("employeeId", "the employee is not in your team");
		}
		this.limits.lockFor(employeeId);
		this.limits.requireRoomFor(employeeId);
		take(customerId, employeeId, OwnerChangeKind.POOL_ASSIGN, "assigned from the pool", me);
		this.audit.record(AuditAction.CUSTOMER_ASSIGNED_FROM_POOL, "customer", customerId,
				Map.of("poolId", pool, "ownerId", employeeId));
		return new ClaimResult(customerId, employeeId);
	}

	private long poolOf(long customerId, long me) {
		return this.scope.visiblePoolOf(customerId, me).orElseThrow(() -> {
			if (this.scope.takenFromVisiblePool(customerId, me)) {
				return new ConflictException("already_claimed", "someone else took this customer from the pool");
			}
			return new NotFoundException("customer");
		});
	}

	private void take(long customerId, long owner, OwnerChangeKind kind, String reason, long by) {
		if (!this.moves.take(customerId, owner, kind, reason, by)) {
			throw new ConflictException("already_claimed", "someone else took this customer a moment ago");
		}
	}

	/** Who owns the customer now. */
	public record ClaimResult(long customerId, long ownerId) {
	}

}
