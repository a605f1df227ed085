package dev.holdfast.customer.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.customer.OwnerCandidates;
import dev.holdfast.customer.transfer.OldOwnerAccess;
import dev.holdfast.organization.EmployeeChoices;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerWork;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.Permission;

/**
 * The model of the customer list: one page of the search, the filters, and what the bulk
 * transfer form needs.
 */
@Component
class CustomerListPage {

	static final String VIEW = "customers/list";

	private static final int PAGE_SIZE = 20;

	private final CustomerManagement customers;

	private final CustomerPage page;

	private final OwnerCandidates ownerCandidates;

	private final EmployeeChoices employeeChoices;

	CustomerListPage(CustomerManagement customers, CustomerPage page, OwnerCandidates ownerCandidates,
			EmployeeChoices employeeChoices) {
		this.customers = customers;
		this.page = page;
		this.ownerCandidates = ownerCandidates;
		this.employeeChoices = employeeChoices;
	}

	/** The search and filters as the list and the bulk form send them. */
	record Filter(String q, CustomerLevel level, Long ownerId, Integer page) {

		Filter {
			q = q == null || q.isBlank() ? null : q.strip();
			if (q != null && q.length() > 100) {
				q = q.substring(0, 100);
			}
			page = page == null ? 0 : Math.max(page, 0);
		}

		/** The list with these filters, without the page. */
		String url() {
			return filters().encode().build().toUriString();
		}

		/**
		 * This page of the list with the bulk transfer form open (without JavaScript).
		 */
		String bulkUrl() {
			return filters().queryParam("page", this.page).queryParam("bulk", "open").encode().build().toUriString();
		}

		private UriComponentsBuilder filters() {
			return UriComponentsBuilder.fromPath("/customers")
				.queryParamIfPresent("q", Optional.ofNullable(this.q))
				.queryParamIfPresent("level", Optional.ofNullable(this.level))
				.queryParamIfPresent("ownerId", Optional.ofNullable(this.ownerId));
		}

	}

	/** Fills the model, the bulk transfer form closed. */
	String render(Filter filter, Model model) {
		return render(filter, false, model);
	}

	/**
	 * Fills the model; bulk-transfer errors and selections go to the bulk form. Its
	 * choice of new owner is in the page only when the form is shown open (refused, or
	 * asked for with {@code ?bulk=open} without JavaScript); otherwise the form loads it
	 * when it is opened ({@code /customers/transfer/candidates}).
	 */
	String render(Filter filter, boolean bulkOpen, Model model) {
		CustomerWork.require("the customer list is for those who work with customers");
		model.addAttribute("result",
				this.customers.list(new CustomerQuery(filter.q(), filter.level(), filter.ownerId(), false),
						new PageRequest(filter.page(), PAGE_SIZE)));
		model.addAttribute("q", filter.q());
		model.addAttribute("level", filter.level());
		model.addAttribute("ownerId", filter.ownerId());
		model.addAttribute("page", filter.page());
		model.addAttribute("me", CurrentEmployee.id());
		model.addAttribute("levels", CustomerLevel.values());
		// the bulk form's choice of owner only when the form is shown open
		boolean transfers = Permission.CUSTOMER_TRANSFER.isHeld();
		List<OwnerChoice> ownerChoices = transfers ? ownerChoices(filter.ownerId()) : List.of();
		model.addAttribute("ownerChoices", ownerChoices);
		model.addAttribute("ownerChosen", ownerChoices.stream().anyMatch(OwnerChoice::selected));
		model.addAttribute("transfers", transfers);
		model.addAttribute("bulkOpen", bulkOpen);
		if (bulkOpen) {
			model.addAttribute("transferCandidates", this.page.ownerCandidates());
		}
		model.addAttribute("bulkUrl", filter.bulkUrl());
		model.addAttribute("baseUrl", filter.url());
		model.addAttribute("oldOwnerAccesses", OldOwnerAccess.values());
		for (String attribute : List.of("selected", "overLimit", "transferErrors")) {
			if (!model.containsAttribute(attribute)) {
				model.addAttribute(attribute, attribute.equals("transferErrors") ? Map.of() : Set.of());
			}
		}
		return VIEW;
	}

	/**
	 * The owner filter's options but "mine", sorted by label: those the caller may
	 * transfer to, i.e. who may own customers in their scope. Labelled and marked here
	 * from the ids alone: a manager's list offers a few hundred, on every page.
	 */
	private List<OwnerChoice> ownerChoices(Long chosen) {
		long me = CurrentEmployee.id();
		return this.employeeChoices.labelsOf(this.ownerCandidates.recipientIds())
			.entrySet()
			.stream()
			.filter(e -> e.getKey() != me)
			.map(e -> new OwnerChoice(e.getKey(), e.getValue(), Objects.equals(chosen, e.getKey())))
			.toList();
	}

	/**
	 * One option of the owner filter; public so that the template's SpEL compiler
	 * (spring.thymeleaf.enable-spring-el-compiler) may compile the calls of its
	 * accessors.
	 */
	public record OwnerChoice(long id, String label, boolean selected) {
	}

}
