package dev.holdfast.customer.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.customer.BroughtIn;
import dev.holdfast.customer.ContactChanges;
import dev.holdfast.customer.ContactForm;
import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.ContactView;
import dev.holdfast.customer.CustomerChanges;
import dev.holdfast.customer.CustomerDetails;
import dev.holdfast.customer.CustomerForm;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.OwnerChangeView;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.customer.CustomerSummary;
import dev.holdfast.customer.MemberForm;
import dev.holdfast.customer.MemberView;
import dev.holdfast.customer.RevisionView;
import dev.holdfast.customer.TeamManagement;
import dev.holdfast.customer.transfer.BulkTransferForm;
import dev.holdfast.customer.transfer.BulkTransferResult;
import dev.holdfast.customer.transfer.CustomerTransfers;
import dev.holdfast.customer.transfer.TransferForm;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

@RestController
@RequestMapping("/api/v1")
class CustomerApi {

	private final CustomerManagement customers;

	private final ContactManagement contacts;

	private final TeamManagement team;

	private final CustomerTransfers transfers;

	CustomerApi(CustomerManagement customers, ContactManagement contacts, TeamManagement team,
			CustomerTransfers transfers) {
		this.customers = customers;
		this.contacts = contacts;
		this.team = team;
		this.transfers = transfers;
	}

	@PostMapping("/customers")
	@RequiresPermission(Permission.CUSTOMER_CREATE)
	@ResponseStatus(HttpStatus.CREATED)
	CustomerDetails create(@Valid @RequestBody CustomerForm form) {
		return this.customers.create(form);
	}

	@GetMapping("/customers")
	@AnyEmployee
	PageResult<CustomerSummary> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) CustomerLevel level, @RequestParam(required = false) Long ownerId,
			@RequestParam(defaultValue = "false") boolean archived, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		if (q != null && q.length() > 100) {
			throw new InvalidInputException("q", "must be at most 100 characters");
		}
		return this.customers.list(new CustomerQuery(q, level, ownerId, archived), PageRequest.of(page, size));
	}

	@GetMapping("/customers/{id}")
	@AnyEmployee
	CustomerDetails get(@PathVariable long id) {
		return this.customers.get(id);
	}

	@PatchMapping("/customers/{id}")
	@AnyEmployee
	CustomerDetails update(@PathVariable long id, @Valid @RequestBody CustomerChanges changes) {
		return this.customers.update(id, changes);
	}

	@PostMapping("/customers/{id}/archive")
	@AnyEmployee
	CustomerDetails archive(@PathVariable long id) {
		return this.customers.archive(id);
	}

	@PostMapping("/customers/{id}/transfer")
	@AnyEmployee
	CustomerDetails transfer(@PathVariable long id, @Valid @RequestBody TransferForm form) {
		return this.transfers.transfer(id, form);
	}

	@PostMapping("/customers/transfer")
	@AnyEmployee
	BulkTransferResult transfer(@Valid @RequestBody BulkTransferForm form) {
		return this.transfers.transfer(form);
	}

	@GetMapping("/customers/{id}/history")
	@AnyEmployee
	List<RevisionView> history(@PathVariable long id) {
		return this.customers.history(id);
	}

	/**
	 * The changes of the customer's owner, newest first (handover, rotation, transfer,
	 * pool return and claim): who, when, from whom to whom and, where a person wrote one,
	 * why; to those who may read its history.
	 */
	@GetMapping("/customers/{id}/history/owners")
	@AnyEmployee
	List<OwnerChangeView> ownerChanges(@PathVariable long id) {
		return this.customers.ownerChanges(id);
	}

	/**
	 * Where a customer brought in from before Holdfast came from (an import, the demo):
	 * when its record began, when and by whom it was brought in, the owner it was given;
	 * 204 for one created in Holdfast.
	 */
	@GetMapping("/customers/{id}/history/brought-in")
	@AnyEmployee
	ResponseEntity<BroughtIn> broughtIn(@PathVariable long id) {
		return this.customers.broughtIn(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/customers/{id}/history/{revisionId}/restore")
	@AnyEmployee
	CustomerDetails restore(@PathVariable long id, @PathVariable long revisionId) {
		return this.customers.restore(id, revisionId);
	}

	@PostMapping("/customers/{id}/contact-history/{revisionId}/restore")
	@AnyEmployee
	ContactView restoreContact(@PathVariable long id, @PathVariable long revisionId) {
		return this.contacts.restore(id, revisionId);
	}

	@GetMapping("/customers/{id}/members")
	@AnyEmployee
	List<MemberView> members(@PathVariable long id) {
		return this.team.of(id);
	}

	@PutMapping("/customers/{id}/members/{employeeId}")
	@AnyEmployee
	MemberView putMember(@PathVariable long id, @PathVariable long employeeId, @Valid @RequestBody MemberForm form) {
		return this.team.put(id, employeeId, form);
	}

	@DeleteMapping("/customers/{id}/members/{employeeId}")
	@AnyEmployee
	ResponseEntity<Void> removeMember(@PathVariable long id, @PathVariable long employeeId) {
		this.team.remove(id, employeeId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/customers/{id}/contacts")
	@AnyEmployee
	@ResponseStatus(HttpStatus.CREATED)
	ContactView createContact(@PathVariable long id, @Valid @RequestBody ContactForm form) {
		return this.contacts.create(id, form);
	}

	@GetMapping("/customers/{id}/contacts")
	@AnyEmployee
	List<ContactView> contacts(@PathVariable long id) {
		return this.contacts.of(id);
	}

	@PatchMapping("/contacts/{id}")
	@AnyEmployee
	ContactView updateContact(@PathVariable long id, @Valid @RequestBody ContactChanges changes) {
		return this.contacts.update(id, changes);
	}

}
