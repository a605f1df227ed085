package dev.holdfast.protection.canary;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * {@code POST /api/v1/canaries/personal/{employeeId}?count=1} (leak.trace) → 201 with the
 * personal canary customers planted for that salesperson.
 */
@RestController
class PersonalCanaryApi {

	private final PersonalCanaryPlanting planting;

	PersonalCanaryApi(PersonalCanaryPlanting planting) {
		this.planting = planting;
	}

	@PostMapping("/api/v1/canaries/personal/{employeeId}")
	@RequiresPermission(Permission.LEAK_TRACE)
	@ResponseStatus(HttpStatus.CREATED)
	List<PersonalCanaryPlanting.PlantedCanary> plant(@PathVariable long employeeId,
			@RequestParam(defaultValue = "1") int count) {
		return this.planting.plant(employeeId, count);
	}

}
