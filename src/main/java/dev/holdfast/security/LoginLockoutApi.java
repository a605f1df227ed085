package dev.holdfast.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/** Locked logins for administrators ({@code login.unlock}): the list and the unlock. */
@FreeOfCustomerData
@RestController
@RequestMapping("/api/v1/login-lockouts")
class LoginLockoutApi {

	private final LoginLockouts lockouts;

	LoginLockoutApi(LoginLockouts lockouts) {
		this.lockouts = lockouts;
	}

	record Unlock(@NotBlank @Size(max = 200) String username) {
	}

	@GetMapping
	@RequiresPermission(Permission.LOGIN_UNLOCK)
	List<LoginLockouts.LockedLogin> locked() {
		return this.lockouts.locked();
	}

	@PostMapping("/unlock")
	@RequiresPermission(Permission.LOGIN_UNLOCK)
	ResponseEntity<Void> unlock(@Valid @RequestBody Unlock unlock) {
		this.lockouts.unlock(unlock.username());
		return ResponseEntity.noContent().build();
	}

}
