package dev.holdfast.protection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.FreeOfCustomerData;

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
	@AnyEmployee
	KeysetStatus status() {
		return this.rotation.status();
	}

	@PostMapping("/rotate")
	@AnyEmployee
	KeysetStatus rotate() {
		return this.rotation.rotate();
	}

	@PostMapping("/reencrypt")
	@AnyEmployee
	ReencryptionResult reencrypt() {
		return this.rotation.reencrypt();
	}

}
