package dev.holdfast.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;

/**
 * An employee as a SCIM User resource (RFC 7643 §4.1). {@code active} is false once the
 * employee has DEPARTED; one serving notice is still active.
 */
record ScimUser(EmployeeView employee, String externalId) {

	String id() {
		return String.valueOf(this.employee.id());
	}

	boolean active() {
		return this.employee.status() != EmploymentStatus.DEPARTED;
	}

	/** The weak entity tag of this state of the employee. */
	String version() {
		return "W/\"" + this.employee.version() + "\"";
	}

	/** The resource as JSON; {@code baseUrl} ends in {@code /scim/v2}. */
	Map<String, Object> resource(String baseUrl) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("schemas", List.of(ScimUserState.CORE_SCHEMA));
		user.put("id", id());
		if (this.externalId != null) {
			user.put("externalId", this.externalId);
		}
		user.put("userName", this.employee.username());
		user.put("displayName", this.employee.displayName());
		user.put("name", Map.of("formatted", this.employee.displayName()));
		if (this.employee.email() != null) {
			user.put("emails", List.of(Map.of("value", this.employee.email(), "type", "work", "primary", true)));
		}
		user.put("active", active());
		if (this.employee.managerId() != null) {
			user.put("schemas", List.of(ScimUserState.CORE_SCHEMA, ScimUserState.ENTERPRISE_SCHEMA));
			user.put(ScimUserState.ENTERPRISE_SCHEMA,
					Map.of("manager", Map.of("value", String.valueOf(this.employee.managerId()))));
		}
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("resourceType", "User");
		meta.put("created", this.employee.createdAt().toString());
		meta.put("location", baseUrl + "/Users/" + id());
		meta.put("version", version());
		user.put("meta", meta);
		return user;
	}

	/**
	 * The attributes a PATCH starts from; the display name is left out, so that one the
	 * patch derives from the name's parts is told from the current one.
	 */
	ScimUserState state() {
		ScimUserState state = new ScimUserState();
		state.userName = this.employee.username();
		state.email = this.employee.email();
		state.externalId = this.externalId;
		state.active = active();
		return state;
	}

}
