package dev.holdfast.system;

import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.Permission;

/**
 * The start page is the employee's day: what is overdue or due, contacts promised,
 * customers handed over, notes still to write, care visits, what waits for their approval
 * and alerts; then the customers they look after and the way to everything else they may
 * use. Sections their permissions never give them are left out.
 */
@Controller
class HomeController {

	private static final int MY_CUSTOMERS = 8;

	private final CustomerManagement customers;

	private final TodayWork work;

	private final TodayDecisions decisions;

	private final OrganizationManagement organization;

	private final HoldfastClock clock;

	HomeController(CustomerManagement customers, TodayWork work, TodayDecisions decisions,
			OrganizationManagement organization, HoldfastClock clock) {
		this.organization = organization;
		this.customers = customers;
		this.work = work;
		this.decisions = decisions;
		this.clock = clock;
	}

	@GetMapping("/")
	@AnyEmployee
	String home(Model model) {
		long me = CurrentEmployee.id();
		model.addAttribute("me", me);
		TodayWork.Work work = this.work.of(this.clock.now());
		model.addAttribute("work", work);
		model.addAttribute("openHandoverTasks", work.openHandoverTasks());
		model.addAttribute("decisions", this.decisions.of());
		// whoever sets up the company (departments or employees) learns that departments
		// come first
		model.addAttribute("noDepartment",
				(Permission.DEPARTMENT_MANAGE.isHeld() || Permission.EMPLOYEE_MANAGE.isHeld())
						&& this.organization.departments().isEmpty());
		// customer service follows customers up but owns none: no list of "my customers"
		// and no overdue card, which would only ever be empty
		boolean ownsCustomers = Permission.CUSTOMER_CREATE.isHeld();
		model.addAttribute("ownsCustomers", ownsCustomers);
		if (ownsCustomers) {
			model.addAttribute("mine",
					this.customers.list(new CustomerQuery(null, null, me, false), new PageRequest(0, MY_CUSTOMERS)));
		}
		return "home";
	}

}
