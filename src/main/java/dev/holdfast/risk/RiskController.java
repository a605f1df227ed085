package dev.holdfast.risk;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.holdfast.shared.AnyEmployee;

/**
 * The risk pages: the dashboard of watched employees and open alerts, and one employee's
 * indicators with their 90-day look-back. The services check who may see and act.
 */
@Controller
@RequestMapping("/risk")
class RiskController {

	private final Dashboards dashboards;

	private final RiskManagement risk;

	private final Lookbacks lookbacks;

	RiskController(Dashboards dashboards, RiskManagement risk, Lookbacks lookbacks) {
		this.dashboards = dashboards;
		this.risk = risk;
		this.lookbacks = lookbacks;
	}

	@GetMapping
	@AnyEmployee
	String dashboard(Model model) {
		model.addAttribute("dashboard", this.dashboards.dashboard());
		return "risk/dashboard";
	}

	@GetMapping("/employees/{id}")
	@AnyEmployee
	String employee(@PathVariable long id, Model model) {
		model.addAttribute("risk", this.risk.employee(id));
		model.addAttribute("lookback", this.lookbacks.report(id));
		return "risk/employee";
	}

	@PostMapping("/alerts/{id}/acknowledge")
	@AnyEmployee
	String acknowledge(@PathVariable long id) {
		this.risk.acknowledge(id);
		return "redirect:/risk";
	}

	@PostMapping("/employees/{id}/lift")
	@AnyEmployee
	String lift(@PathVariable long id) {
		this.risk.lift(id);
		return "redirect:/risk/employees/" + id;
	}

}
