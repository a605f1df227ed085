package dev.holdfast.pool;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The public pool over REST: the pool list, the caller's warnings, claiming and
 * assigning, returning a customer to the pool, and managers' locks.
 */
@RestController
@RequestMapping("/api/v1")
class PoolApi {

	private final PoolCustomers customers;

	private final PoolClaims claims;

	private final PoolReturns returns;

	private final CustomerLocks locks;

	PoolApi(PoolCustomers customers, PoolClaims claims, PoolReturns returns, CustomerLocks locks) {
		this.customers = customers;
		this.claims = claims;
		this.returns = returns;
		this.locks = locks;
	}

	@GetMapping("/pool/customers")
	@AnyEmployee
	List<PoolCustomerView> list(@RequestParam(required = false) Long poolId,
			@RequestParam(required = false) String level, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.customers.list(poolId, level, q, PageRequest.of(page, size));
	}

	@GetMapping("/pool/warnings")
	@AnyEmployee
	List<PoolWarningView> warnings() {
		return this.customers.warnings();
	}

	@PostMapping("/pool/customers/{id}/claim")
	@RequiresPermission(Permission.CUSTOMER_CLAIM)
	PoolClaims.ClaimResult claim(@PathVariable long id) {
		return this.claims.claim(id);
	}

	@PostMapping("/pool/customers/{id}/assign")
	@AnyEmployee
	PoolClaims.ClaimResult assign(@PathVariable long id, @RequestBody AssignForm form) {
		return this.claims.assign(id, form.employeeId());
	}

	@PostMapping("/customers/{id}/return-to-pool")
	@AnyEmployee
	ReturnedView returnToPool(@PathVariable long id, @RequestBody ReturnForm form) {
		return new ReturnedView(id, this.returns.returnToPool(id, form.reason()));
	}

	@PostMapping("/customers/{id}/lock")
	@AnyEmployee
	CustomerLocks.LockView lock(@PathVariable long id, @RequestBody ReturnForm form) {
		return this.locks.lock(id, form.reason());
	}

	@DeleteMapping("/customers/{id}/lock")
	@AnyEmployee
	CustomerLocks.LockView unlock(@PathVariable long id, @RequestBody(required = false) ReturnForm form) {
		return this.locks.unlock(id, form == null ? null : form.reason());
	}

	/** Where a returned customer went. */
	record ReturnedView(long customerId, long poolId) {
	}

}
