package dev.holdfast.audit;

import java.util.Map;

/**
 * How each fact an audit call writes reads to people: the id of a record of some kind
 * (named like targets), a list of such ids, or a code with labels. A key means one thing
 * in most events; where an action uses it otherwise ({@code from} is an owner in a
 * transfer, a status in a complaint's change) the action's own reading wins. Facts not
 * listed read as written; a label {@code audit.value.<key>.<value>} words a fixed value.
 */
final class DetailReadings {

	enum Way {

		RECORD, RECORDS, CODES

	}

	record Reading(Way way, String of) {
	}

	private static final Map<String, Reading> BY_KEY = Map.ofEntries(record("customerId", "customer"),
			record("existingCustomerId", "customer"), record("employeeId", "employee"), record("ownerId", "employee"),
			record("managerId", "employee"), record("successorId", "employee"), record("previousOwnerId", "employee"),
			record("requesterId", "employee"), record("assigneeId", "employee"), record("requestedBy", "employee"),
			record("publishedBy", "employee"), record("managerBefore", "employee"),
			record("departmentId", "department"), record("departmentBefore", "department"),
			record("caseId", "offboarding_case"), record("followUpId", "follow_up"), record("poolId", "pool"),
			record("agreementId", "agreement"), record("versionId", "agreement_version"),
			records("customerIds", "customer"), records("followUpIds", "follow_up"), records("exports", "export"),
			codes("reasons", "exports.reason"), codes("indicator", "risk.indicator"),
			codes("severity", "risk.severity"), codes("dataScope", "scope"), codes("access", "team.access"),
			codes("level", "enum.CustomerLevel"), codes("action", "approvals.action"),
			codes("field", "enum.RevealForm.SensitiveField"), codes("entity", "exports.layout"),
			codes("oldOwnerAccess", "transfer.oldOwnerAccess"), codes("roles", "role.builtin"),
			codes("rolesBefore", "role.builtin"), codes("rolesAfter", "role.builtin"),
			codes("statusBefore", "employee.status"), codes("statusAfter", "employee.status"),
			codes("outcome", "enum.Deprovisioning.Outcome"));

	private static final Map<String, Reading> BY_ACTION = Map.ofEntries(record("CUSTOMER_TRANSFERRED:from", "employee"),
			record("CUSTOMER_TRANSFERRED:to", "employee"), record("CUSTOMER_REASSIGNED:from", "employee"),
			record("CUSTOMER_REASSIGNED:to", "employee"), record("HANDOVER_PLAN_EDITED:to", "employee"),
			codes("CUSTOMER_REASSIGNED:kind", "enum.OwnerChangeKind"), codes("FOLLOW_UP_CREATED:kind", "followup.kind"),
			codes("EMPLOYEE_ROLES_CHANGED:before", "role.builtin"),
			codes("EMPLOYEE_ROLES_CHANGED:after", "role.builtin"),
			codes("EMPLOYEE_STATUS_CHANGED:before", "employee.status"),
			codes("EMPLOYEE_STATUS_CHANGED:after", "employee.status"),
			codes("CUSTOMER_RETURNED_TO_POOL:level", "enum.CustomerLevel"),
			codes("CARE_VISIT_SCHEDULED:reason", "care.reason"),
			codes("COMPLAINT_RECORDED:severity", "care.complaint.severity"),
			codes("COMPLAINT_RECORDED:channel", "care.complaint.channel"),
			// issue 11 (audit words): an export's status, the fields of an employee
			// change
			codes("EXPORT_REQUESTED:status", "exports.status"),
			codes("EMPLOYEE_UPDATED:fields", "audit.value.employeeField"));

	/**
	 * Where an action gives a key a meaning its general label would blur: a read's
	 * {@code records} are customers opened, its {@code rows} lines of lists shown.
	 */
	private static final Map<String, String> LABEL_BY_ACTION = Map.of("CUSTOMER_DATA_READ:records",
			"audit.detail.customersOpened", "CUSTOMER_DATA_READ:rows", "audit.detail.listRowsShown");

	private DetailReadings() {
	}

	/** How the fact reads in an event of this action; null: as written. */
	static Reading of(String action, String key) {
		Reading own = BY_ACTION.get(action + ":" + key);
		if (own != null) {
			return own;
		}
		if (action != null && action.startsWith("COMPLAINT_") && "from".equals(key)) {
			return new Reading(Way.CODES, "care.complaint.status");
		}
		return BY_KEY.get(key);
	}

	/** The message key of the fact's label in an event of this action. */
	static String label(String action, String key) {
		return LABEL_BY_ACTION.getOrDefault(action + ":" + key, "audit.detail." + key);
	}

	private static Map.Entry<String, Reading> record(String key, String kind) {
		return Map.entry(key, new Reading(Way.RECORD, kind));
	}

	private static Map.Entry<String, Reading> records(String key, String kind) {
		return Map.entry(key, new Reading(Way.RECORDS, kind));
	}

	private static Map.Entry<String, Reading> codes(String key, String prefix) {
		return Map.entry(key, new Reading(Way.CODES, prefix));
	}

}
