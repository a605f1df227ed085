package dev.holdfast.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.offboarding.HandoverTasks;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.PageRequest;

/**
 * The start page: the customers the employee looks after, most recently changed first,
 * and the way to everything else they may use.
 */
@Controller
class HomeController {

	private static final int MY_CUSTOMERS = 8;

	private final CustomerManagement customers;

	private final HandoverTasks handoverTasks;

	HomeController(CustomerManagement customers, HandoverTasks handoverTasks) {
		this.customers = customers;
		this.handoverTasks = handoverTasks;
	}

	@GetMapping("/")
	String home(Model model) {
		long me = CurrentEmployee.id();
		model.addAttribute("me", me);
		model.addAttribute("mine",
				this.customers.list(new CustomerQuery(null, null, me, false), new PageRequest(0, MY_CUSTOMERS)));
		model.addAttribute("openHandoverTasks", this.handoverTasks.openCount());
		return "home";
	}

}
