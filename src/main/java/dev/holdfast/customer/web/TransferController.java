package dev.holdfast.customer.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.SimpleTypeConverter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.customer.CustomerDetails;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.transfer.BulkTransferForm;
import dev.holdfast.customer.transfer.BulkTransferResult;
import dev.holdfast.customer.transfer.CustomerTransfers;
import dev.holdfast.customer.transfer.OldOwnerAccess;
import dev.holdfast.customer.transfer.TransferForm;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Transferring a customer from its page, and many customers from the list (managers). A
 * failed form is shown again with its errors next to the fields.
 */
@Controller
@RequestMapping("/customers")
class TransferController {

	private final CustomerTransfers transfers;

	private final CustomerPage page;

	private final CustomerListPage list;

	private final TransferErrors errors;

	private final HoldfastClock clock;

	TransferController(CustomerTransfers transfers, CustomerPage page, CustomerListPage list, TransferErrors errors,
			HoldfastClock clock) {
		this.clock = clock;
		this.transfers = transfers;
		this.page = page;
		this.list = list;
		this.errors = errors;
	}

	/** The transfer form: a fragment of the customer page, or a page of its own. */
	@GetMapping("/{customerId}/transfer")
	@AnyEmployee
	String form(@PathVariable long customerId, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("customer", this.transfers.forTransfer(customerId));
		formModel(model, null, Map.of());
		if (Htmx.wantsFragment(request, response)) {
			return "customers/transfer :: transfer";
		}
		// a page of its own holds nothing else: the form is open
		model.addAttribute("standalone", true);
		return "customers/transfer-page";
	}

	/**
	 * The bulk form's choice of new owner, loaded when the form is opened on the list
	 * (htmx): whom the caller may transfer to, which the service decides.
	 */
	@GetMapping("/transfer/candidates")
	@RequiresPermission(Permission.CUSTOMER_TRANSFER)
	String candidates(Model model) {
		model.addAttribute("transferCandidates", this.transfers.candidates());
		model.addAttribute("transferErrors", Map.of());
		model.addAttribute("idPrefix", "bt-");
		return "customers/transfer :: owner-field";
	}

	@PostMapping("/{customerId}/transfer")
	@AnyEmployee
	@FormPage("transferPage")
	String transfer(@PathVariable long customerId, TransferInput input, RedirectAttributes redirect) {
		CustomerDetails moved = this.transfers.transfer(customerId, input.form(this.clock.zone()));
		redirect.addFlashAttribute("flash", "customer.transferred");
		boolean stillVisible = moved.editable()
				|| input.form(this.clock.zone()).oldOwnerAccess() != OldOwnerAccess.NONE;
		return stillVisible ? "redirect:/customers/" + customerId : "redirect:/customers";
	}

	/**
	 * The bulk form of the list: all the ticked customers or none. It carries the list's
	 * filters, to show the same page again when it fails.
	 */
	@PostMapping("/transfer")
	@AnyEmployee
	@FormPage("bulkPage")
	String transferMany(@RequestParam(required = false) List<Long> customerIds, TransferInput input,
			@RequestParam(required = false) String q, @RequestParam(required = false) CustomerLevel level,
			@RequestParam(required = false) Long ownerId, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CustomerListPage.Filter filter = new CustomerListPage.Filter(q, level, ownerId, page);
		List<Long> ids = customerIds == null ? List.of() : customerIds;
		if (ids.isEmpty() || ids.size() > 500) {
			// deny before validate: one who may not transfer learns nothing of the form
			this.transfers.requireTransferring();
			model.addAttribute("selected", Set.copyOf(ids));
			return failed(response, HttpStatus.UNPROCESSABLE_ENTITY, model, input,
					Map.of("customerIds", this.errors.translate("tick between 1 and 500 customers")),
					() -> this.list.render(filter, true, model));
		}
		TransferForm form = input.form(this.clock.zone());
		BulkTransferResult result = this.transfers.transfer(new BulkTransferForm(ids, form.newOwnerId(),
				form.oldOwnerAccess(), form.accessExpiresAt(), form.reason()));
		redirect.addFlashAttribute("transferred", result.transferred());
		return "redirect:" + filter.url();
	}

	/** The customer page with the refused transfer form (for the web error advice). */
	private String transferPage(long customerId, TransferInput input, RuntimeException refusal, Model model) {
		// a form Spring could not bind never reached the service: its refusal comes first
		this.transfers.requireTransferable(customerId);
		// the details of a transfer's conflict are not the contact form's duplicate
		model.asMap().remove("conflict");
		String rendered = this.page.render(customerId, model);
		formModel(model, input, errorsOf(refusal));
		return rendered;
	}

	/**
	 * The list, with its filters and ticks, and the refused bulk form (for the web error
	 * advice); a limit's conflict marks the customers over it.
	 */
	private String bulkPage(TransferInput input, RuntimeException refusal, Model model, HttpServletRequest request) {
		this.transfers.requireTransferring();
		model.asMap().remove("conflict");
		if (refusal instanceof ConflictException conflict) {
			model.addAttribute("overLimit",
					Set.copyOf((List<?>) conflict.details().getOrDefault("customerIds", List.of())));
		}
		SimpleTypeConverter convert = new SimpleTypeConverter();
		// as bound: several values, or one separated by commas
		String[] ticked = request.getParameterValues("customerIds");
		model.addAttribute("selected",
				ticked == null ? Set.of()
						: Arrays.stream(StringUtils.commaDelimitedListToStringArray(String.join(",", ticked)))
							.map(String::strip)
							.filter(id -> id.matches("\\d{1,18}"))
							.map(Long::valueOf)
							.collect(Collectors.toSet()));
		CustomerListPage.Filter filter = new CustomerListPage.Filter(request.getParameter("q"),
				convert.convertIfNecessary(request.getParameter("level"), CustomerLevel.class),
				convert.convertIfNecessary(request.getParameter("ownerId"), Long.class),
				convert.convertIfNecessary(request.getParameter("page"), Integer.class));
		String rendered = this.list.render(filter, true, model);
		formModel(model, input, errorsOf(refusal));
		return rendered;
	}

	private Map<String, String> errorsOf(RuntimeException refusal) {
		return refusal instanceof ConflictException conflict ? this.errors.of(conflict)
				: this.errors.of((InvalidInputException) refusal);
	}

	private String failed(HttpServletResponse response, HttpStatus status, Model model, TransferInput input,
			Map<String, String> errors, Supplier<String> view) {
		response.setStatus(status.value());
		String rendered = view.get();
		formModel(model, input, errors);
		return rendered;
	}

	private void formModel(Model model, TransferInput input, Map<String, String> errors) {
		model.addAttribute("transferInput", input);
		model.addAttribute("transferErrors", errors);
		if (!model.containsAttribute("transferCandidates")) {
			model.addAttribute("transferCandidates", this.page.ownerCandidates());
		}
		model.addAttribute("oldOwnerAccesses", OldOwnerAccess.values());
	}

}
