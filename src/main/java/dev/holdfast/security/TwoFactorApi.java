package dev.holdfast.security;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.organization.ApprovalPendingException;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Two-factor login over the API: the caller's own enrolment, and an administrator's reset
 * of someone's lost factor.
 */
@FreeOfCustomerData
@RestController
@RequestMapping("/api/v1")
class TwoFactorApi {

	private final TwoFactors twoFactors;

	private final SecondFactorPolicy policy;

	TwoFactorApi(TwoFactors twoFactors, SecondFactorPolicy policy) {
		this.twoFactors = twoFactors;
		this.policy = policy;
	}

	record Status(boolean enrolled, boolean required) {
	}

	record Code(@NotBlank @Size(max = 20) String code) {
	}

	@GetMapping("/me/two-factor")
	@AnyEmployee
	Status status(Authentication authentication) {
		HoldfastUser user = (HoldfastUser) authentication.getPrincipal();
		boolean enrolled = this.twoFactors.enrolled(user.employeeId());
		return new Status(enrolled, enrolled || this.policy.mustEnrol(authentication, user));
	}

	@PostMapping("/me/two-factor")
	@AnyEmployee
	TwoFactors.Enrolment start(Authentication authentication) {
		HoldfastUser user = (HoldfastUser) authentication.getPrincipal();
		return this.twoFactors.start(user.employeeId(), user.username());
	}

	@PostMapping("/me/two-factor/confirm")
	@AnyEmployee
	Map<String, List<String>> confirm(@Valid @RequestBody Code code) {
		return Map.of("recoveryCodes", this.twoFactors.confirm(CurrentEmployee.id(), code.code()));
	}

	/** 204 when done; 202 with the request when it waits for a second administrator. */
	@DeleteMapping("/employees/{id}/two-factor")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	ResponseEntity<?> reset(@PathVariable long id) {
		try {
			this.twoFactors.reset(id);
		}
		catch (ApprovalPendingException ex) {
			// kept: not an error but the act stored for a second administrator (202)
			return ex.accepted();
		}
		return ResponseEntity.noContent().build();
	}

}
