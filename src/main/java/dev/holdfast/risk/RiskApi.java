package dev.holdfast.risk;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.InvalidInputException;

@RestController
@RequestMapping("/api/v1/risk")
class RiskApi {

	private final RiskManagement risk;

	private final Lookbacks lookbacks;

	RiskApi(RiskManagement risk, Lookbacks lookbacks) {
		this.risk = risk;
		this.lookbacks = lookbacks;
	}

	@GetMapping("/alerts")
	@AnyEmployee
	List<AlertView> alerts(@RequestParam(required = false) String status) {
		if (status != null && !status.equals("OPEN") && !status.equals("ACKNOWLEDGED")) {
			throw new InvalidInputException("status", "must be OPEN or ACKNOWLEDGED");
		}
		return this.risk.alerts(status);
	}

	@PostMapping("/alerts/{id}/acknowledge")
	@AnyEmployee
	AlertView acknowledge(@PathVariable long id) {
		return this.risk.acknowledge(id);
	}

	@GetMapping("/employees/{id}")
	@AnyEmployee
	EmployeeRisk employee(@PathVariable long id) {
		return this.risk.employee(id);
	}

	@PostMapping("/employees/{id}/evaluate")
	@AnyEmployee
	EmployeeRisk evaluate(@PathVariable long id) {
		return this.risk.evaluate(id);
	}

	@PostMapping("/employees/{id}/lift")
	@AnyEmployee
	EmployeeRisk lift(@PathVariable long id) {
		return this.risk.lift(id);
	}

	@GetMapping("/employees/{id}/lookback")
	@AnyEmployee
	LookbackReport lookback(@PathVariable long id) {
		return this.lookbacks.report(id);
	}

}
