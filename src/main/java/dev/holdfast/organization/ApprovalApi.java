package dev.holdfast.organization;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Requests for a second administrator's approval over the API: list, read, approve (the
 * act runs then) and reject. Administrators only; nobody approves their own.
 */
@RestController
@RequestMapping("/api/v1/admin/approvals")
class ApprovalApi {

	private final Approvals approvals;

	ApprovalApi(Approvals approvals) {
		this.approvals = approvals;
	}

	record Rejection(@Size(max = 500) String note) {
	}

	@GetMapping
	@RequiresPermission(Permission.ROLE_MANAGE)
	List<ApprovalView> list(@RequestParam(defaultValue = "false") boolean pending) {
		return this.approvals.list(pending);
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.ROLE_MANAGE)
	ApprovalView request(@PathVariable long id) {
		return this.approvals.request(id);
	}

	@PostMapping("/{id}/approve")
	@RequiresPermission(Permission.ROLE_MANAGE)
	ApprovalView approve(@PathVariable long id) {
		return this.approvals.approve(id);
	}

	@PostMapping("/{id}/reject")
	@RequiresPermission(Permission.ROLE_MANAGE)
	ApprovalView reject(@PathVariable long id, @Valid @RequestBody(required = false) Rejection rejection) {
		return this.approvals.reject(id, rejection == null ? null : rejection.note());
	}

}
