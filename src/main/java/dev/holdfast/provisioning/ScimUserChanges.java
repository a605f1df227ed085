package dev.holdfast.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.offboarding.Deprovisioning;
import dev.holdfast.offboarding.Deprovisioning.Deprovisioned;
import dev.holdfast.organization.EmployeeChanges;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.Usernames;
import dev.holdfast.audit.AuditAction;

/**
 * Applies a changed set of attributes to an employee (PUT and PATCH alike): the display
 * name, e-mail and externalId in one transaction, then, if {@code active} became false,
 * the immediate termination of offboarding, which runs its own transactions (the handover
 * works in chunks). The username can't change in Holdfast, and a departed employee is
 * brought back by an administrator, not by the identity provider: both are refused before
 * anything is written.
 */
@Component
class ScimUserChanges {

	static final String REASON = "turned off by the identity provider (SCIM)";

	private final OrganizationManagement organization;

	private final ExternalIds externalIds;

	private final Deprovisioning deprovisioning;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	ScimUserChanges(OrganizationManagement organization, ExternalIds externalIds, Deprovisioning deprovisioning,
			AuditTrail audit, TransactionTemplate transactions) {
		this.organization = organization;
		this.externalIds = externalIds;
		this.deprovisioning = deprovisioning;
		this.audit = audit;
		this.transactions = transactions;
	}

	ScimUser apply(ScimUser current, String ifMatch, ScimUserState state) {
		if (ifMatch != null && !ifMatch.strip().equals("*") && !ifMatch.strip().equals(current.version())) {
			throw new ScimException(412, null, "the user was changed since " + ifMatch);
		}
		state.validate();
		if (!Usernames.canonical(state.userName).equals(current.employee().username())) {
			throw new ScimException(400, "mutability", "userName can't change in Holdfast");
		}
		if (Boolean.TRUE.equals(state.active) && !current.active()) {
			throw ScimException.invalidValue("a departed employee is brought back by an administrator in Holdfast");
		}
		long id = current.employee().id();
		this.transactions.executeWithoutResult(status -> update(current, state));
		if (Boolean.FALSE.equals(state.active) && current.active()) {
			deactivate(id);
		}
		return new ScimUser(this.organization.employee(id), this.externalIds.of(id).orElse(null));
	}

	/** Ends the employment at once; also what DELETE does, as nothing is ever deleted. */
	Deprovisioned deactivate(long employeeId) {
		Deprovisioned done = this.deprovisioning.deprovision(employeeId, REASON);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("outcome", done.outcome().name());
		facts.put("caseId", String.valueOf(done.caseId()));
		facts.put("successorId", String.valueOf(done.successorId()));
		this.audit.record(AuditAction.SCIM_USER_DEACTIVATED, "employee", employeeId, facts);
		return done;
	}

	private void update(ScimUser current, ScimUserState state) {
		String displayName = state.requestedDisplayName();
		List<String> changed = new ArrayList<>();
		if (displayName != null && !displayName.equals(current.employee().displayName())) {
			changed.add("displayName");
		}
		if (!Objects.equals(state.email, current.employee().email())) {
			changed.add("emails");
		}
		Long manager = state.managerId();
		boolean managerChanged = state.managerSent && !Objects.equals(manager, current.employee().managerId());
		if (managerChanged) {
			changed.add("manager");
		}
		if (!changed.isEmpty()) {
			this.organization.updateEmployee(current.employee().id(),
					new EmployeeChanges(changed.contains("displayName") ? displayName : null,
							changed.contains("emails") ? (state.email == null ? "" : state.email) : null, null, null,
							managerChanged ? manager : null, managerChanged && manager == null, null, null, null, null,
							null));
		}
		if (!Objects.equals(state.externalId, current.externalId())) {
			this.externalIds.put(current.employee().id(), state.externalId);
			changed.add("externalId");
		}
		if (!changed.isEmpty()) {
			this.audit.record(AuditAction.SCIM_USER_UPDATED, "employee", current.employee().id(),
					Map.of("attributes", String.join(",", changed)));
		}
	}

}
