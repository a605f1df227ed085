package dev.holdfast.dashboard;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The manager dashboard's figures as JSON: the charts of the dashboard page are drawn
 * from this, and other tools may read it too.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardApi {

	private final ManagerDashboard dashboard;

	DashboardApi(ManagerDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping
	@RequiresPermission(Permission.DASHBOARD_READ)
	DashboardReport report(@RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.dashboard.report(departmentId, from, to);
	}

}
