package dev.holdfast.provisioning;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.EmployeeForm;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.audit.AuditAction;

/**
 * Users as identity providers create, find and change them. A new user is an employee
 * with no role, so it reads no customer data until an administrator grants roles; without
 * a password from the provider it gets a random one nobody knows (it signs in through
 * single sign-on). Changes go through {@link ScimUserChanges}.
 */
@Service
class ScimUsers {

	private static final SecureRandom random = new SecureRandom();

	private final OrganizationManagement organization;

	private final ExternalIds externalIds;

	private final ScimUserChanges changes;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	ScimUsers(OrganizationManagement organization, ExternalIds externalIds, ScimUserChanges changes, AuditTrail audit,
			TransactionTemplate transactions) {
		this.organization = organization;
		this.externalIds = externalIds;
		this.changes = changes;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** One page of a list, with the total. */
	record Found(List<ScimUser> users, long total, int startIndex) {
	}

	ScimUser create(JsonNode resource) {
		ScimUserState state = new ScimUserState();
		state.setAll(resource);
		state.validate();
		if (state.active != null && !state.active) {
			throw ScimException.invalidValue("a new user must be active");
		}
		return this.transactions.execute(status -> {
			if (this.organization.employeeNamed(state.userName).isPresent()) {
				throw new ScimException(409, "uniqueness", "userName " + state.userName + " is taken");
			}
			String displayName = Optional.ofNullable(state.requestedDisplayName()).orElse(state.userName);
			EmployeeView employee = this.organization.createEmployee(new EmployeeForm(state.userName, displayName,
					state.usablePassword() != null ? state.usablePassword() : randomPassword(), null, state.managerId(),
					List.of(), state.email, null, null));
			this.externalIds.put(employee.id(), state.externalId);
			this.audit.record(AuditAction.SCIM_USER_CREATED, "employee", employee.id(),
					Map.of("roles", 0, "passwordKept", state.usablePassword() != null));
			return new ScimUser(employee, state.externalId);
		});
	}

	ScimUser get(String id) {
		long employeeId = parseId(id);
		try {
			EmployeeView employee = this.organization.employee(employeeId);
			return new ScimUser(employee, this.externalIds.of(employeeId).orElse(null));
		}
		catch (NotFoundException ex) {
			throw ScimException.notFound(id);
		}
	}

	Found list(String filter, int startIndex, int count) {
		if (filter != null && !filter.isBlank()) {
			ScimFilter parsed = ScimFilter.parse(filter);
			List<ScimUser> matches = find(parsed).stream().toList();
			return new Found(startIndex > 1 || count == 0 ? List.of() : matches, matches.size(), startIndex);
		}
		int size = Math.max(1, Math.min(count, PageRequest.MAX_SIZE));
		int page = (startIndex - 1) / size;
		PageResult<EmployeeView> result = this.organization.employees(null, null, new PageRequest(page, size));
		List<ScimUser> users = count == 0 ? List.of()
				: result.items().stream().map(e -> new ScimUser(e, this.externalIds.of(e.id()).orElse(null))).toList();
		return new Found(users, result.total(), page * size + 1);
	}

	/**
	 * PUT: the attributes as sent replace the current ones (see {@link ScimUserChanges});
	 * an externalId left out stays, as providers don't always send it.
	 */
	ScimUser replace(String id, String ifMatch, JsonNode resource) {
		ScimUser current = get(id);
		ScimUserState state = new ScimUserState();
		state.externalId = current.externalId();
		state.setAll(resource);
		return this.changes.apply(current, ifMatch, state);
	}

	/** DELETE: nothing is deleted; the employee is terminated, as for active=false. */
	void delete(String id) {
		ScimUser current = get(id);
		if (current.active()) {
			this.changes.deactivate(current.employee().id());
		}
	}

	/** PATCH: the operations change the current attributes. */
	ScimUser patch(String id, String ifMatch, JsonNode body) {
		ScimUser current = get(id);
		ScimUserState state = current.state();
		ScimPatch.apply(body, state);
		return this.changes.apply(current, ifMatch, state);
	}

	private Optional<ScimUser> find(ScimFilter filter) {
		Optional<Long> id = switch (filter.attribute()) {
			case "username" -> this.organization.employeeNamed(filter.value()).map(EmployeeView::id);
			case "externalid" -> this.externalIds.employeeWith(filter.value());
			default ->
				filter.value().matches("\\d{1,18}") ? Optional.of(Long.parseLong(filter.value())) : Optional.empty();
		};
		try {
			return id.map(employeeId -> get(String.valueOf(employeeId)));
		}
		catch (ScimException ex) {
			return Optional.empty();
		}
	}

	private static long parseId(String id) {
		if (id == null || !id.matches("\\d{1,18}")) {
			throw ScimException.notFound(id);
		}
		return Long.parseLong(id);
	}

	private static String randomPassword() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
