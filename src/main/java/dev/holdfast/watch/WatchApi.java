package dev.holdfast.watch;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The post-departure watch over the API: the watches the caller may see, one former
 * employee's customers and signals by current owner, and the signals alone. The service
 * decides who may see which (404 for anyone else).
 */
@RestController
@RequestMapping("/api/v1/departure-watches")
@Tag(name = "Post-departure watch", description = "离职后观察: former employees' customers and the signals seen")
class WatchApi {

	private final PostDepartureSignals signals;

	WatchApi(PostDepartureSignals signals) {
		this.signals = signals;
	}

	@GetMapping
	@RequiresPermission(anyOf = { Permission.AUDIT_READ, Permission.OFFBOARDING_EXECUTE })
	@Operation(summary = "The post-departure watches the caller may see, running first")
	List<WatchSummary> list() {
		return this.signals.list();
	}

	@GetMapping("/{employeeId}")
	@RequiresPermission(anyOf = { Permission.AUDIT_READ, Permission.OFFBOARDING_EXECUTE })
	@Operation(summary = "A former employee's customers and their signals, grouped by current owner",
			description = "404 for a caller who may not see the former employee's watch, as for one without a watch")
	WatchDetails details(@PathVariable long employeeId) {
		return this.signals.details(employeeId);
	}

	@GetMapping("/{employeeId}/signals")
	@RequiresPermission(anyOf = { Permission.AUDIT_READ, Permission.OFFBOARDING_EXECUTE })
	@Operation(summary = "A former employee's post-departure signals, newest first",
			description = "Customers are named as the caller may see them, else #<id>")
	List<PostDepartureSignal> signals(@PathVariable long employeeId) {
		return this.signals.of(employeeId);
	}

}
