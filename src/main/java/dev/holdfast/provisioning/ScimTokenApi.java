package dev.holdfast.provisioning;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Administrators (holders of {@code role.manage}) create, list and revoke the tokens
 * identity providers use on {@code /scim/v2}; a token's value is shown once.
 */
@FreeOfCustomerData
@RestController
@RequestMapping("/api/v1/scim-tokens")
class ScimTokenApi {

	private final ScimTokens tokens;

	ScimTokenApi(ScimTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * @param name what the token is for, e.g. the identity provider
	 */
	record NewToken(String name) {
	}

	@PostMapping
	@RequiresPermission(Permission.ROLE_MANAGE)
	@ResponseStatus(HttpStatus.CREATED)
	ScimTokens.Issued create(@RequestBody NewToken form) {
		return this.tokens.issue(form.name());
	}

	@GetMapping
	@RequiresPermission(Permission.ROLE_MANAGE)
	List<ScimTokens.ScimTokenView> list() {
		return this.tokens.list();
	}

	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.ROLE_MANAGE)
	ResponseEntity<Void> revoke(@PathVariable long id) {
		this.tokens.revoke(id);
		return ResponseEntity.noContent().build();
	}

}
