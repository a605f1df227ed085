package dev.holdfast.customer.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.customer.ContactChanges;
import dev.holdfast.customer.ContactForm;
import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.ContactView;
import dev.holdfast.customer.Gender;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.NotFoundException;

/**
 * Adding a contact on the customer page, and the page that edits one.
 */
@Controller
@RequestMapping("/customers/{customerId}/contacts")
class ContactController {

	private final ContactManagement contacts;

	private final CustomerPage page;

	private final FormErrors formErrors;

	ContactController(ContactManagement contacts, CustomerPage page, FormErrors formErrors) {
		this.contacts = contacts;
		this.page = page;
		this.formErrors = formErrors;
	}

	/** Where a language link leads after a failed form: back to the customer page. */
	@GetMapping
	@AnyEmployee
	String back(@PathVariable long customerId) {
		return "redirect:/customers/" + customerId + "#contacts";
	}

	@PostMapping
	@AnyEmployee
	@FormPage(value = "addPage", conflictField = "phone")
	String add(@PathVariable long customerId, @Valid ContactForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return addPage(customerId, form, this.formErrors.of(result), model);
		}
		this.contacts.create(customerId, form);
		// said next to the contacts, which the page scrolls to (#contacts): on a phone
		// the
		// page's flash at the top would be out of sight
		redirect.addFlashAttribute("addedContact", form.name());
		return "redirect:/customers/" + customerId + "#contacts";
	}

	/** The customer page with the contact form as submitted and its errors. */
	private String addPage(long customerId, ContactForm form, Map<String, String> errors, Model model) {
		model.addAttribute("contactForm", form);
		model.addAttribute("contactErrors", errors);
		return this.page.render(customerId, model);
	}

	@GetMapping("/{contactId}")
	@AnyEmployee
	String edit(@PathVariable long customerId, @PathVariable long contactId, Model model) {
		return editPage(customerId, find(customerId, contactId), model, Map.of());
	}

	@PostMapping("/{contactId}")
	@AnyEmployee
	@FormPage(value = "updatePage", conflictField = "phone", conflictFieldFor = "duplicate")
	String update(@PathVariable long customerId, @PathVariable long contactId, @Valid ContactChanges changes,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return updatePage(customerId, contactId, changes, this.formErrors.of(result), model);
		}
		find(customerId, contactId);
		this.contacts.update(contactId, changes);
		redirect.addFlashAttribute("flash", "contact.saved");
		return "redirect:/customers/" + customerId + "#contacts";
	}

	/** The contact's page with the changes as submitted and their errors. */
	private String updatePage(long customerId, long contactId, ContactChanges changes, Map<String, String> errors,
			Model model) {
		ContactView contact = find(customerId, contactId);
		ContactView edited = new ContactView(contactId, customerId, changes.name(), changes.title(), changes.phone(),
				changes.email(), changes.wechat(), changes.address(), changes.gender(), changes.birthday(),
				changes.notes(), changes.version() == null ? contact.version() : changes.version(), contact.createdAt(),
				contact.updatedAt(), contact.policies());
		return editPage(customerId, edited, model, errors);
	}

	private ContactView find(long customerId, long contactId) {
		return this.contacts.of(customerId)
			.stream()
			.filter(c -> c.id() == contactId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("contact"));
	}

	private String editPage(long customerId, ContactView contact, Model model, Map<String, String> errors) {
		model.addAttribute("customerId", customerId);
		model.addAttribute("contact", contact);
		model.addAttribute("errors", errors);
		model.addAttribute("genders", Gender.values());
		return "customers/contact";
	}

}
