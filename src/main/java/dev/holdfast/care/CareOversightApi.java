package dev.holdfast.care;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * What managers watch over REST: care coverage of key customers, and key-account teams
 * short of people with their fixes.
 */
@RestController
@RequestMapping("/api/v1")
class CareOversightApi {

	private final CareCoverage coverage;

	private final KeyAccounts keyAccounts;

	CareOversightApi(CareCoverage coverage, KeyAccounts keyAccounts) {
		this.coverage = coverage;
		this.keyAccounts = keyAccounts;
	}

	/**
	 * Chooses who joins a key customer's team: a customer service employee, or by default
	 * the owner's manager.
	 */
	record FixForm(Long employeeId) {
	}

	/** Which department's customers to fix (all the caller sees when left out). */
	record FixAllForm(Long departmentId) {
	}

	@GetMapping("/care/coverage")
	@RequiresPermission(anyOf = { Permission.DASHBOARD_READ, Permission.CARE_RECORD })
	CoverageReport coverage(@RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) Integer days) {
		return this.coverage.uncovered(departmentId, days);
	}

	@GetMapping("/key-accounts/violations")
	@RequiresPermission(anyOf = { Permission.DASHBOARD_READ, Permission.CARE_RECORD })
	List<KeyAccountViolation> violations(@RequestParam(required = false) Long departmentId) {
		return this.keyAccounts.violations(departmentId);
	}

	@PostMapping("/key-accounts/{customerId}/fix")
	@AnyEmployee
	KeyAccountFix fix(@PathVariable long customerId, @RequestBody(required = false) FixForm form) {
		return this.keyAccounts.fix(customerId, form == null ? null : form.employeeId());
	}

	@PostMapping("/key-accounts/fix")
	@RequiresPermission(anyOf = { Permission.DASHBOARD_READ, Permission.CARE_RECORD })
	List<KeyAccountFix> fixAll(@RequestBody(required = false) FixAllForm form) {
		return this.keyAccounts.fixAll(form == null ? null : form.departmentId());
	}

}
