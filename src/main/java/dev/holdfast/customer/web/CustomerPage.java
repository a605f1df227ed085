package dev.holdfast.customer.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.CustomerDetails;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.Gender;
import dev.holdfast.customer.MemberAccess;
import dev.holdfast.customer.OwnerCandidates;
import dev.holdfast.customer.TeamManagement;
import dev.holdfast.customer.masking.ContactReveal;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.NoticePeriodException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.SuspendedException;

/**
 * The model of the customer page: the customer, its contacts and team, and whatever the
 * forms on it need. The follow-up timeline and the history are loaded into it separately.
 */
@Component
class CustomerPage {

	static final String VIEW = "customers/page";

	private final CustomerManagement customers;

	private final ContactManagement contacts;

	private final TeamManagement team;

	private final OrganizationManagement organization;

	private final ContactReveal reveal;

	private final OwnerCandidates ownerCandidates;

	CustomerPage(CustomerManagement customers, ContactManagement contacts, TeamManagement team,
			OrganizationManagement organization, ContactReveal reveal, OwnerCandidates ownerCandidates) {
		this.reveal = reveal;
		this.ownerCandidates = ownerCandidates;
		this.customers = customers;
		this.contacts = contacts;
		this.team = team;
		this.organization = organization;
	}

	/** Fills the model for the page; form errors (may be empty) go next to their form. */
	String render(long id, Model model) {
		CustomerDetails customer = this.customers.get(id);
		model.addAttribute("customer", customer);
		model.addAttribute("contacts", this.contacts.of(id));
		model.addAttribute("revealsLeft", mayReveal() ? this.reveal.remaining() : null);
		model.addAttribute("revealHeldBack", revealHeldBack());
		model.addAttribute("members", this.team.of(id));
		boolean manageTeam = customer.editable() && Permission.CUSTOMER_MEMBERS.isHeld();
		model.addAttribute("manageTeam", manageTeam);
		model.addAttribute("candidates", manageTeam ? memberCandidates() : List.of());
		model.addAttribute("accesses", MemberAccess.values());
		model.addAttribute("genders", Gender.values());
		for (String errors : List.of("contactErrors", "memberErrors")) {
			if (!model.containsAttribute(errors)) {
				model.addAttribute(errors, Map.of());
			}
		}
		return VIEW;
	}

	/**
	 * Whether to offer reveal buttons: not to those without the permission or serving
	 * notice.
	 */
	private static boolean mayReveal() {
		try {
			GuardedAction.REVEAL.require();
			return true;
		}
		catch (ForbiddenException ex) {
			return false;
		}
	}

	/**
	 * Why a caller who holds the reveal permission may not use it now, for the page to
	 * say so instead of only dropping the buttons: {@code suspended} (risk, until a
	 * manager lifts it), {@code notice} (serving notice), or null.
	 */
	private static String revealHeldBack() {
		try {
			GuardedAction.REVEAL.check();
			return null;
		}
		catch (SuspendedException ex) {
			return "suspended";
		}
		catch (NoticePeriodException ex) {
			return "notice";
		}
	}

	/** Employees who may own or join a customer, for choosing one. */
	/**
	 * Whom a customer can be shared with: every ACTIVE employee whose work is customers
	 * (sales, and customer service for key accounts), the caller's own department first;
	 * exactly whom the server accepts as a team member.
	 */
	List<EmployeeView> memberCandidates() {
		Long department = this.organization.employee(CurrentEmployee.id()).departmentId();
		return this.organization.employees(this.team.memberCandidates())
			.stream()
			.filter(e -> e.status() == EmploymentStatus.ACTIVE)
			.sorted(OwnerCandidates.ownDepartmentFirst(department))
			.toList();
	}

	/**
	 * Whom the caller may give a customer to (transfer, owner on the form): themselves,
	 * or an ACTIVE employee who may own customers in their data scope (never HR, auditors
	 * or customer service); exactly whom the server accepts.
	 */
	List<EmployeeView> ownerCandidates() {
		return this.ownerCandidates.recipients();
	}

}
