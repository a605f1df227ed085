package dev.holdfast.followup;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.ContactName;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.Permission;

/**
 * The follow-up part of the customer page: the quick form a rep fills in on a phone, and
 * the timeline, newest first. The customer page loads it with htmx; without JavaScript it
 * is a page of its own.
 */
@Controller
@RequestMapping("/customers/{customerId}/follow-ups")
class FollowUpController {

	private static final int PAGE_SIZE = 10;

	private final FollowUpManagement followUps;

	private final CustomerVisibility visibility;

	private final CustomerManagement customers;

	private final FollowUpFormTemplate formTemplates;

	private final ContactManagement contacts;

	private final FollowUpAttachments attachments;

	private final HoldfastClock clock;

	private final Reminders reminders;

	FollowUpController(FollowUpManagement followUps, CustomerVisibility visibility, CustomerManagement customers,
			FollowUpFormTemplate formTemplates, ContactManagement contacts, FollowUpAttachments attachments,
			HoldfastClock clock, Reminders reminders) {
		this.reminders = reminders;
		this.clock = clock;
		this.attachments = attachments;
		this.contacts = contacts;
		this.followUps = followUps;
		this.visibility = visibility;
		this.customers = customers;
		this.formTemplates = formTemplates;
	}

	@GetMapping
	@AnyEmployee
	String timeline(@PathVariable long customerId, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return section(customerId, Math.max(page, 0), null, Map.of(), model, request, response);
	}

	@PostMapping
	@AnyEmployee
	@FormPage("recordAgain")
	String record(@PathVariable long customerId, @Valid QuickFollowUp form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (form.nextContactOn() != null && form.nextContactOn().isBefore(this.clock.today())) {
			throw new InvalidInputException("nextContactOn", "must be today or later");
		}
		List<Upload> uploads = (files == null) ? List.of() : files.stream().map(Upload::of).toList();
		this.attachments.record(customerId, form.toForm(this.clock.zone()), uploads, "files");
		if (!Htmx.wantsFragment(request, response)) {
			redirect.addFlashAttribute("flash", "followup.recorded");
			return "redirect:/customers/" + customerId;
		}
		model.addAttribute("recorded", true);
		return section(customerId, 0, null, Map.of(), model, request, response);
	}

	/**
	 * The section with the refused form as typed and its messages, 422 (for the web error
	 * advice); with the templates of its kinds, as the advice of the form gives them.
	 */
	private String recordAgain(long customerId, QuickFollowUp form, Map<String, String> errors, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("formTemplates", this.formTemplates.formTemplates(customerId));
		return section(customerId, 0, form, errors, model, request, response);
	}

	private String section(long customerId, int page, QuickFollowUp form, Map<String, String> errors, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("customerId", customerId);
		model.addAttribute("timeline", this.followUps.timeline(customerId, new PageRequest(page, PAGE_SIZE)));
		// read after any follow-up just recorded, so that the badge swapped in with the
		// section no longer says overdue
		model.addAttribute("customerRhythm", this.reminders.rhythmOf(customerId, this.clock.now()));
		model.addAttribute("canRecord",
				this.visibility.accessTo(customerId).canWrite() && Permission.FOLLOWUP_CREATE.isHeld());
		model.addAttribute("kinds", FollowUpKind.values());
		List<ContactName> contacts = this.contacts.names(customerId);
		model.addAttribute("contacts", contacts);
		model.addAttribute("contactNames",
				contacts.stream().collect(Collectors.toMap(ContactName::id, ContactName::name)));
		model.addAttribute("followUpForm", form);
		model.addAttribute("followUpErrors", errors);
		model.addAttribute("today", this.clock.today());
		model.addAttribute("me", CurrentEmployee.id());
		model.addAttribute("now", this.clock.now());
		model.addAttribute("maxFiles", FollowUpAttachments.MAX_FILES);
		model.addAttribute("maxFileMegabytes", this.attachments.maxMegabytes());
		if (Htmx.wantsFragment(request, response)) {
			return "followups/section :: section";
		}
		model.addAttribute("customer", this.customers.get(customerId));
		return "followups/page";
	}

}
