package dev.holdfast.pool;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/** Pools and their rules over REST, for administrators ({@code pool.manage}). */
@RestController
@RequestMapping("/api/v1/pools")
class PoolAdminApi {

	private final PoolAdministration administration;

	PoolAdminApi(PoolAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	@RequiresPermission(Permission.POOL_MANAGE)
	List<PoolView> pools() {
		return this.administration.pools();
	}

	@PostMapping
	@RequiresPermission(Permission.POOL_MANAGE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> create(@Valid @RequestBody PoolForm form) {
		return Map.of("id", this.administration.create(form));
	}

	@PatchMapping("/{id}")
	@RequiresPermission(Permission.POOL_MANAGE)
	Map<String, Long> update(@PathVariable long id, @Valid @RequestBody PoolForm form) {
		this.administration.update(id, form);
		return Map.of("id", id);
	}

	@PutMapping("/{id}/rules/{level}")
	@RequiresPermission(Permission.POOL_MANAGE)
	Map<String, Object> putRule(@PathVariable long id, @PathVariable String level,
			@Valid @RequestBody PoolRuleForm form) {
		this.administration.putRule(id, level, form);
		return Map.of("poolId", id, "level", level);
	}

}
