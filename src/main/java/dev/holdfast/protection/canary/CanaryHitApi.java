package dev.holdfast.protection.canary;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * {@code POST /api/v1/canary-hits} with {@code {"phone"|"email","source"}} → 201 with the
 * critical alert raised and the employee whose canary it was.
 */
@RestController
class CanaryHitApi {

	private final CanaryHits hits;

	CanaryHitApi(CanaryHits hits) {
		this.hits = hits;
	}

	@PostMapping("/api/v1/canary-hits")
	@RequiresPermission(Permission.LEAK_TRACE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> record(@RequestBody CanaryHits.CanaryHitForm form) {
		return this.hits.record(form);
	}

}
