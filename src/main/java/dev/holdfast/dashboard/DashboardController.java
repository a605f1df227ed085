package dev.holdfast.dashboard;

import java.time.LocalDate;

import tools.jackson.databind.ObjectMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The dashboard page: filters, and for each chart a table with the same figures (for
 * screen readers and phones). The charts are drawn by Chart.js from the report rendered
 * into the page as JSON, the same JSON {@code GET /api/v1/dashboard} answers.
 */
@Controller
class DashboardController {

	private final ManagerDashboard dashboard;

	private final ObjectMapper json;

	DashboardController(ManagerDashboard dashboard, ObjectMapper json) {
		this.dashboard = dashboard;
		this.json = json;
	}

	@GetMapping("/dashboard")
	@RequiresPermission(Permission.DASHBOARD_READ)
	String page(@RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		DashboardReport report = this.dashboard.report(departmentId, from, to);
		model.addAttribute("report", report);
		model.addAttribute("reportJson", this.json.writeValueAsString(report));
		model.addAttribute("departments", this.dashboard.departments());
		return "dashboard/page";
	}

}
