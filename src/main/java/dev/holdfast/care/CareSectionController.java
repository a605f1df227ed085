package dev.holdfast.care;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * The care column of the customer page: care visits and complaints, with forms to
 * schedule a visit and record a complaint for those who may.
 */
@Controller
class CareSectionController {

	private final CareVisits visits;

	private final Complaints complaints;

	private final CustomerVisibility visibility;

	private final HoldfastClock clock;

	CareSectionController(CareVisits visits, Complaints complaints, CustomerVisibility visibility,
			HoldfastClock clock) {
		this.clock = clock;
		this.visits = visits;
		this.complaints = complaints;
		this.visibility = visibility;
	}

	@GetMapping("/customers/{customerId}/care")
	@AnyEmployee
	String ofCustomer(@PathVariable long customerId, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		sectionModel(customerId, model);
		return Htmx.wantsFragment(request, response) ? "care/section :: care" : "care/section";
	}

	private void sectionModel(long customerId, Model model) {
		List<CareVisitView> visits = this.visits.ofCustomer(customerId);
		boolean careStaff = Permission.CARE_VISIT.isHeld() || Permission.CARE_RECORD.isHeld();
		model.addAttribute("visits", visits);
		model.addAttribute("complaints", this.complaints.ofCustomer(customerId));
		model.addAttribute("customerId", customerId);
		model.addAttribute("canSchedule", careStaff);
		model.addAttribute("canHandle", careStaff || this.visibility.accessTo(customerId).canWrite());
		model.addAttribute("defaultDue", this.clock.today().plusDays(3));
		model.addAttribute("latestDue", this.visits.latestDue());
	}

	@PostMapping("/customers/{customerId}/care-visits")
	@AnyEmployee
	@FormPage(value = "sectionAgain", refusals = { InvalidInputException.class, ForbiddenException.class })
	String schedule(@PathVariable long customerId, CareVisitForm form, RedirectAttributes redirect) {
		this.visits.schedule(customerId, form);
		redirect.addFlashAttribute("flash", "care.scheduled");
		return "redirect:/customers/" + customerId + "#care";
	}

	@PostMapping("/customers/{customerId}/complaints")
	@AnyEmployee
	@FormPage(value = "sectionAgain", refusals = InvalidInputException.class)
	String complain(@PathVariable long customerId, ComplaintForm form, RedirectAttributes redirect) {
		this.complaints.record(customerId, form);
		redirect.addFlashAttribute("flash", "care.complaintRecorded");
		return "redirect:/customers/" + customerId + "#care";
	}

	/**
	 * The care column again with the refused form open, the messages at its fields and
	 * what was typed (for the web error advice, 422).
	 */
	private String sectionAgain(long customerId, CareVisitForm visit, ComplaintForm complaint,
			Map<String, String> errors, Model model) {
		sectionModel(customerId, model);
		model.addAttribute("errors", errors);
		model.addAttribute("visitForm", visit);
		model.addAttribute("complaintForm", complaint);
		return "care/section";
	}

}
