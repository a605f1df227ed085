package dev.holdfast.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.holdfast.shared.InvalidInputException;

/**
 * Which parts of a change to an employee are an administrator's acts, and the facts a
 * second administrator is shown: giving or taking a role that reaches customer data or
 * the organisation; setting the password or e-mail address (single sign-on finds
 * employees by it) of someone holding one; moving someone who holds one to another
 * department or manager (the customers they own follow them into another manager's data
 * scope, and a manager moved takes a new scope along); bringing back a departed employee,
 * who comes back with a new initial password; ending the notice of someone who holds one
 * (LEAVING back to ACTIVE lifts every notice-period restriction at once). A password HR
 * set never carries over into access: the first role reaching customers comes with one an
 * administrator issues.
 */
record ReservedActs(boolean roles, boolean password, boolean email, boolean placement, boolean reactivation,
		boolean endsNotice, boolean firstAccessOnForeignPassword, Map<String, String> details) {

	static final String ROLES_REFUSAL = "only an administrator may give or take a role with access to customers";

	static ReservedActs of(Employee employee, EmployeeChanges changes, Set<Role> granted, boolean newPassword) {
		EmployeeView before = employee.toView();
		boolean reactivation = reactivation(before.status(), changes.status());
		boolean roles = granted != null && changesReservedRole(employee.getRoles(), granted);
		boolean holds = employee.holdsReservedRole() || (granted != null && reservedAmong(granted));
		boolean email = changes.email() != null && employee.holdsReservedRole()
				&& !Objects.equals(blankToNull(changes.email()), before.email());
		boolean placement = employee.holdsReservedRole() && movesPlacement(changes, before);
		boolean endsNotice = employee.holdsReservedRole() && before.status() == EmploymentStatus.LEAVING
				&& changes.status() == EmploymentStatus.ACTIVE;
		Map<String, String> details = new LinkedHashMap<>();
		if (placement) {
			details.put("departmentBefore", String.valueOf(before.departmentId()));
			details.put("managerBefore", String.valueOf(before.managerId()));
		}
		if (roles) {
			details.put("rolesBefore", String.join(",", before.roles()));
			details.put("rolesAfter", granted.stream().map(Role::getCode).sorted().collect(Collectors.joining(",")));
		}
		if (reactivation || endsNotice) {
			details.put("statusBefore", before.status().name());
			details.put("statusAfter", changes.status().name());
		}
		if (newPassword && (holds || reactivation)) {
			details.put("password", "new");
		}
		List<String> others = otherChanges(changes, before);
		if (!others.isEmpty()) {
			details.put("alsoChanges", String.join(",", others));
		}
		boolean firstAccess = roles && !employee.holdsReservedRole() && reservedAmong(granted);
		return new ReservedActs(roles, newPassword && holds, email, placement, reactivation, endsNotice,
				firstAccess && !employee.isPasswordFromAdministrator(), details);
	}

	/** The facts of a new employee with reserved roles, for the approver. */
	static Map<String, String> creation(EmployeeForm form, Set<Role> granted) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("username", form.username());
		details.put("displayName", form.displayName().strip());
		details.put("rolesAfter", granted.stream().map(Role::getCode).sorted().collect(Collectors.joining(",")));
		details.put("departmentId", String.valueOf(form.departmentId()));
		return details;
	}

	static boolean reactivation(EmploymentStatus before, EmploymentStatus after) {
		return before == EmploymentStatus.DEPARTED && after != null && after != EmploymentStatus.DEPARTED;
	}

	/**
	 * Refuses (400) bringing back a departed employee without a new initial password (the
	 * old one never works again), and giving first access to someone whose password HR
	 * set (HR would know it). Asked once the caller is known to be an administrator, so
	 * that HR learns only that they may not.
	 */
	void requireInitialPassword(boolean newPassword) {
		if (this.reactivation && !newPassword) {
			throw new InvalidInputException("password", "a departed employee comes back with a new initial password");
		}
		if (this.firstAccessOnForeignPassword && !newPassword) {
			throw new InvalidInputException("password",
					"give a new initial password: the current one was not issued by an administrator");
		}
	}

	boolean none() {
		return !this.roles && !this.password && !this.email && !this.placement && !this.reactivation
				&& !this.endsNotice;
	}

	/**
	 * The e-mail address alone needs no second administrator: it is no secret, and
	 * identity providers keep it in step through SCIM.
	 */
	boolean needsSecondAdministrator() {
		return this.roles || this.password || this.placement || this.reactivation || this.endsNotice;
	}

	String refusal() {
		if (this.roles) {
			return ROLES_REFUSAL;
		}
		if (this.reactivation) {
			return "only an administrator may bring back a departed employee";
		}
		if (this.endsNotice) {
			return "only an administrator may end the notice of someone with access to customers";
		}
		if (this.placement) {
			return "only an administrator may move someone with access to customers to another department or manager";
		}
		return this.password ? "only an administrator may set the password of someone with access to customers"
				: "only an administrator may change the e-mail address of someone with access to customers";
	}

	private static boolean changesReservedRole(Set<Role> held, Set<Role> granted) {
		Set<String> before = held.stream().map(Role::getCode).collect(Collectors.toSet());
		Set<String> after = granted.stream().map(Role::getCode).collect(Collectors.toSet());
		return held.stream().anyMatch(r -> r.reservedToAdministrators() && !after.contains(r.getCode()))
				|| granted.stream().anyMatch(r -> r.reservedToAdministrators() && !before.contains(r.getCode()));
	}

	private static boolean reservedAmong(Set<Role> roles) {
		return roles.stream().anyMatch(Role::reservedToAdministrators);
	}

	private static boolean movesPlacement(EmployeeChanges changes, EmployeeView before) {
		boolean department = changes.departmentId() != null && !changes.departmentId().equals(before.departmentId());
		boolean manager = Boolean.TRUE.equals(changes.clearManager()) ? before.managerId() != null
				: changes.managerId() != null && !changes.managerId().equals(before.managerId());
		return department || manager;
	}

	/** The other fields the change gives a new value, for the approver's information. */
	private static List<String> otherChanges(EmployeeChanges changes, EmployeeView before) {
		List<String> others = new ArrayList<>();
		changed(others, "displayName", changes.displayName(), before.displayName());
		changed(others, "email", changes.email(), before.email());
		changed(others, "phone", changes.phone(), before.phone());
		changed(others, "departmentId", changes.departmentId(), before.departmentId());
		if (Boolean.TRUE.equals(changes.clearManager()) ? before.managerId() != null
				: changes.managerId() != null && !changes.managerId().equals(before.managerId())) {
			others.add("managerId");
		}
		return others;
	}

	private static void changed(List<String> others, String field, Object value, Object before) {
		Object given = value instanceof String text ? blankToNull(text) : value;
		if (value != null && !Objects.equals(given, before instanceof String text ? blankToNull(text) : before)) {
			others.add(field);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
