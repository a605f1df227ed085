package dev.holdfast.care;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	/** The labels of the fields of the care visit's and the complaint's forms. */
	private static final Map<String, String> LABELS = Map.of("summary", "care.complaint.summary", "details",
			"care.complaint.details", "severity", "care.complaint.severity", "channel", "care.complaint.channel",
			"dueOn", "care.dueOnLabel", "reason", "care.reasonLabel", "note", "care.note");

	private final CareVisits visits;

	private final Complaints complaints;

	private final CustomerVisibility visibility;

	private final HoldfastClock clock;

	private final MessageSource messages;

	CareSectionController(CareVisits visits, Complaints complaints, CustomerVisibility visibility, HoldfastClock clock,
			MessageSource messages) {
		this.messages = messages;
		this.clock = clock;
		this.visits = visits;
		this.complaints = complaints;
		this.visibility = visibility;
	}

	@GetMapping("/customers/{customerId}/care")
	@AnyEmployee
	String ofCustomer(@PathVariable long customerId, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		List<CareVisitView> visits = this.visits.ofCustomer(customerId);
		boolean careStaff = Permission.CARE_VISIT.isHeld() || Permission.CARE_RECORD.isHeld();
		model.addAttribute("visits", visits);
		model.addAttribute("complaints", this.complaints.ofCustomer(customerId));
		model.addAttribute("customerId", customerId);
		model.addAttribute("canSchedule", careStaff);
		model.addAttribute("canHandle", careStaff || this.visibility.accessTo(customerId).canWrite());
		model.addAttribute("defaultDue", this.clock.today().plusDays(3));
		model.addAttribute("latestDue", this.visits.latestDue());
		return Htmx.wantsFragment(request, response) ? "care/section :: care" : "care/section";
	}

	@PostMapping("/customers/{customerId}/care-visits")
	@AnyEmployee
	@FormPage(value = "backWithRefusal", refusals = { InvalidInputException.class, ForbiddenException.class })
	String schedule(@PathVariable long customerId, CareVisitForm form, RedirectAttributes redirect) {
		this.visits.schedule(customerId, form);
		redirect.addFlashAttribute("flash", "care.scheduled");
		return "redirect:/customers/" + customerId + "#care";
	}

	@PostMapping("/customers/{customerId}/complaints")
	@AnyEmployee
	@FormPage(value = "backWithRefusal", refusals = InvalidInputException.class)
	String complain(@PathVariable long customerId, ComplaintForm form, RedirectAttributes redirect) {
		this.complaints.record(customerId, form);
		redirect.addFlashAttribute("flash", "care.complaintRecorded");
		return "redirect:/customers/" + customerId + "#care";
	}

	/**
	 * Back to the customer's care column with the refusal, each message after its field's
	 * label in the reader's language (for the web error advice).
	 */
	private String backWithRefusal(long customerId, Map<String, String> errors, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		redirect.addFlashAttribute("flashError", errors.entrySet()
			.stream()
			.map(error -> LABELS.containsKey(error.getKey())
					? this.messages.getMessage(LABELS.get(error.getKey()), null, locale) + ": " + error.getValue()
					: error.getValue())
			.collect(Collectors.joining("; ")));
		return "redirect:/customers/" + customerId + "#care";
	}

}
