package dev.holdfast.customer.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.customer.CustomerChanges;
import dev.holdfast.customer.CustomerDetails;
import dev.holdfast.customer.CustomerForm;
import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The customer list with search, filters and paging; creating, showing, editing and
 * archiving a customer.
 */
@Controller
@RequestMapping("/customers")
class CustomerController {

	private final CustomerManagement customers;

	private final CustomerPage page;

	private final CustomerListPage list;

	private final FormErrors formErrors;

	CustomerController(CustomerManagement customers, CustomerPage page, CustomerListPage list, FormErrors formErrors) {
		this.customers = customers;
		this.page = page;
		this.list = list;
		this.formErrors = formErrors;
	}

	@GetMapping
	@AnyEmployee
	String list(CustomerListPage.Filter filter, @RequestParam(required = false) String bulk, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String view = this.list.render(filter, "open".equals(bulk), model);
		return Htmx.wantsFragment(request, response) ? view + " :: results" : view;
	}

	@GetMapping("/new")
	@RequiresPermission(Permission.CUSTOMER_CREATE)
	String newCustomer(Model model) {
		return form(model, null, null, Map.of());
	}

	@PostMapping
	@RequiresPermission(Permission.CUSTOMER_CREATE)
	@FormPage(value = "createForm", conflictField = "name")
	String create(@Valid CustomerForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return failed(response, form(model, form, null, this.formErrors.of(result)));
		}
		CustomerDetails created = this.customers.create(form);
		redirect.addFlashAttribute("flash", "customer.created");
		return "redirect:/customers/" + created.id();
	}

	@GetMapping("/{id}")
	@AnyEmployee
	String show(@PathVariable long id, Model model) {
		return this.page.render(id, model);
	}

	@GetMapping("/{id}/edit")
	@AnyEmployee
	String edit(@PathVariable long id, Model model) {
		CustomerDetails customer = this.customers.get(id);
		if (!customer.editable()) {
			throw new ForbiddenException("you may see this customer but not change it");
		}
		return form(model, null, customer, Map.of());
	}

	@PostMapping("/{id}")
	@AnyEmployee
	@FormPage(value = "editForm", conflictField = "name", conflictFieldFor = "duplicate")
	String update(@PathVariable long id, @Valid CustomerChanges changes, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return failed(response, form(model, null, edited(id, changes), this.formErrors.of(result)));
		}
		this.customers.update(id, changes);
		redirect.addFlashAttribute("flash", "customer.saved");
		return "redirect:/customers/" + id;
	}

	@PostMapping("/{id}/archive")
	@AnyEmployee
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		this.customers.archive(id);
		redirect.addFlashAttribute("flash", "customer.archived");
		return "redirect:/customers/" + id;
	}

	/** The new customer's form again, as submitted (for the web error advice). */
	private String createForm(CustomerForm form, Map<String, String> errors, Model model) {
		return form(model, form, null, errors);
	}

	/** A customer's form again, as submitted (for the web error advice). */
	private String editForm(long id, CustomerChanges changes, Map<String, String> errors, Model model) {
		return form(model, null, edited(id, changes), errors);
	}

	private String form(Model model, CustomerForm form, CustomerDetails customer, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("customer", customer);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", CustomerKind.values());
		model.addAttribute("levels", CustomerLevel.values());
		model.addAttribute("statuses", CustomerStatus.values());
		model.addAttribute("owners",
				Permission.CUSTOMER_TRANSFER.isHeld() ? this.page.ownerCandidates() : java.util.List.of());
		return "customers/form";
	}

	/** The customer as the user submitted it, to show the form again with their input. */
	private CustomerDetails edited(long id, CustomerChanges changes) {
		CustomerDetails current = this.customers.get(id);
		return new CustomerDetails(id, changes.name(), changes.kind(), changes.level(), changes.industry(),
				changes.source(), changes.region(), changes.address(), changes.notes(), changes.status(),
				changes.ownerId() == null ? current.ownerId() : changes.ownerId(), current.ownerName(),
				changes.version() == null ? current.version() : changes.version(), current.createdAt(),
				current.updatedAt(), current.archivedAt(), current.editable(), current.addressPolicy());
	}

	private static String failed(HttpServletResponse response, String view) {
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return view;
	}

}
