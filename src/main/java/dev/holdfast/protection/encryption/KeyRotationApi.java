package dev.holdfast.protection.encryption;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Administration of the encryption keys: status, rotation and re-encryption
 * ({@code role.manage}).
 */
@FreeOfCustomerData
@RestController
@RequestMapping("/api/v1/admin/keys")
class KeyRotationApi {

	private final KeyRotation rotation;

	KeyRotationApi(KeyRotation rotation) {
		this.rotation = rotation;
	}

	@GetMapping
	@RequiresPermission(Permission.ROLE_MANAGE)
	KeysetStatus status() {
		return this.rotation.status();
	}

	@PostMapping("/rotate")
	@RequiresPermission(Permission.ROLE_MANAGE)
	KeysetStatus rotate() {
		return this.rotation.rotate();
	}

	@PostMapping("/reencrypt")
	@RequiresPermission(Permission.ROLE_MANAGE)
	ReencryptionResult reencrypt() {
		return this.rotation.reencrypt();
	}

}
