package dev.holdfast.audit;

import dev.holdfast.shared.LabelPrefix;
import dev.holdfast.shared.Labels;

/**
 * Every action the audit trail records: the one list, owned by the audit module, for all
 * modules. The stored text is the constant's name, so renaming a constant would break the
 * reading of old events and of everyone who asks {@link AuditActivity}: add, never
 * rename. Each constant has a label {@code audit.action.<NAME>} in both bundles.
 */
@LabelPrefix(Labels.AUDIT_ACTION)
public enum AuditAction {

	ACCESS_DENIED,

	AGREEMENT_ACCEPTED,

	AGREEMENT_CREATED,

	AGREEMENT_PUBLISHED,

	AGREEMENT_ROLES_CHANGED,

	AGREEMENT_TERM_ENDING,

	APPROVAL_APPROVED,

	APPROVAL_REJECTED,

	APPROVAL_REQUESTED,

	ATTACHMENT_ADDED,

	ATTACHMENT_DOWNLOADED,

	AUDIT_SEARCHED,

	/** A month of the audit trail archived into the backup store and dropped. */
	AUDIT_ARCHIVED,

	BACKUP_CREATED,

	BACKUP_RESTORED,

	CANARY_HIT,

	CARE_VISIT_RECORDED,

	CARE_VISIT_SCHEDULED,

	COMPLAINT_CLOSED,

	COMPLAINT_IN_PROGRESS,

	COMPLAINT_OPEN,

	COMPLAINT_RECORDED,

	COMPLAINT_REOPENED,

	COMPLAINT_RESOLVED,

	CONTACTS_VIEWED,

	CONTACT_CREATED,

	/** Contacts brought in as of the past to an existing customer (a merge). */
	CONTACTS_IMPORTED,

	CONTACT_RESTORED,

	CONTACT_REVEALED,

	CONTACT_UPDATED,

	CUSTOMERS_LISTED,

	CUSTOMER_ARCHIVED,

	CUSTOMER_ASSIGNED_FROM_POOL,

	CUSTOMER_CLAIMED,

	CUSTOMER_CREATED,

	CUSTOMER_DATA_READ,

	/** A customer brought in with its contacts as of the day it began. */
	CUSTOMER_IMPORTED,

	CUSTOMER_HISTORY_VIEWED,

	CUSTOMER_LOCKED,

	CUSTOMER_REASSIGNED,

	CUSTOMER_RESTORED,

	CUSTOMER_RETURNED_TO_POOL,

	CUSTOMER_REVEALED,

	CUSTOMER_TRANSFERRED,

	CUSTOMER_UNLOCKED,

	CUSTOMER_UPDATED,

	CUSTOMER_VIEWED,

	DEPARTMENT_CREATED,

	DEPROVISIONED_WITHOUT_SUCCESSOR,

	DUPLICATE_REFUSED,

	/** An import's preview had this many values checked for duplicates (fact values). */
	DUPLICATES_CHECKED,

	EMPLOYEE_CREATED,

	EMPLOYEE_DEPARTED,

	/**
	 * The post-departure watch of a former employee began (facts lastWorkingDay, endsOn,
	 * customers).
	 */
	DEPARTURE_WATCH_STARTED,

	/**
	 * The post-departure watch of a former employee ended with its term (facts endsOn,
	 * signals); nothing is raised about them after it.
	 */
	DEPARTURE_WATCH_ENDED,

	EMPLOYEE_PASSWORD_CHANGED,

	EMPLOYEE_REACTIVATED,

	EMPLOYEE_ROLES_CHANGED,

	EMPLOYEE_STATUS_CHANGED,

	EMPLOYEE_TERMINATED,

	EMPLOYEE_UPDATED,

	/**
	 * An evidence package built (facts employeeId, from, to, sha256, events, chainOk).
	 */
	EVIDENCE_BUILT,

	/** An evidence package downloaded by its builder (facts employeeId, sha256). */
	EVIDENCE_DOWNLOADED,

	/** Evidence packages past their time whose files were dropped (fact packages). */
	EVIDENCE_FILES_EXPIRED,

	EXPORT_APPROVED,

	EXPORT_DOWNLOADED,

	EXPORT_FAILED,

	EXPORT_FILES_EXPIRED,

	EXPORT_REJECTED,

	EXPORT_REQUESTED,

	FOLLOW_UPS_LISTED,

	FOLLOW_UP_CORRECTED,

	FOLLOW_UP_CREATED,

	FOLLOW_UP_TEMPLATE_ARCHIVED,

	FOLLOW_UP_TEMPLATE_CHANGED,

	FOLLOW_UP_TEMPLATE_CREATED,

	HANDOVER_EXECUTED,

	HANDOVER_NOTE_WRITTEN,

	HANDOVER_PLAN_EDITED,

	HANDOVER_PLAN_VIEWED,

	HANDOVER_STARTED,

	HANDOVER_TASK_DONE,

	KEYSET_ROTATED,

	KEYS_REENCRYPTED,

	KEY_ACCOUNT_FIXED,

	KNOWHOW_PUBLISHED,

	KNOWHOW_WITHDRAWN,

	LEAK_TRACED,

	LOGIN_ACCOUNT_LOCKED,

	LOGIN_FAILED,

	LOGIN_LOCKED,

	LOGIN_REFUSED,

	LOGIN_SUCCEEDED,

	LOGIN_UNLOCKED,

	LOGOUT,

	MEMBER_ADDED,

	MEMBER_CHANGED,

	MEMBER_REMOVED,

	OFFBOARDING_CASE_CREATED,

	/** The administrative end of a case after the departure (issue 15, item 3). */
	OFFBOARDING_CASE_CLOSED,

	/** An item of the company's departure checklist ticked on a case (fact itemId). */
	OFFBOARDING_CHECK_TICKED,

	/** A tick of the company's departure checklist taken back (fact itemId). */
	OFFBOARDING_CHECK_UNTICKED,

	OFFBOARDING_CHECKLIST_ITEM_CREATED,

	OFFBOARDING_CHECKLIST_ITEM_RETIRED,

	PASSWORD_CHANGED,

	PERSONAL_CANARY_PLANTED,

	POOL_CREATED,

	POOL_CUSTOMERS_LISTED,

	POOL_RULES_APPLIED,

	POOL_RULE_CHANGED,

	POOL_UPDATED,

	RATE_LIMITED,

	REVEAL_REFUSED,

	RISK_ALERT_ACKNOWLEDGED,

	RISK_ALERT_RAISED,

	RISK_SUSPENDED,

	RISK_SUSPENSION_LIFTED,

	ROLE_CREATED,

	/**
	 * A rotation of key accounts planned (issue 15, item 4; facts from, to, rotateOn).
	 */
	ROTATION_PLANNED,

	/**
	 * A rotation carried out on its day: its customers moved, not counted as transfers.
	 */
	ROTATION_EXECUTED,

	ROTATION_CANCELLED,

	SCIM_TOKEN_CREATED,

	SCIM_TOKEN_REVOKED,

	SCIM_USER_CREATED,

	SCIM_USER_DEACTIVATED,

	SCIM_USER_UPDATED,

	SESSIONS_REVOKED,

	SESSION_ENDED,

	TOKEN_ISSUED,

	TOKEN_REVOKED,

	TWO_FACTOR_ENROLLED,

	TWO_FACTOR_ENROLMENT_STARTED,

	TWO_FACTOR_RECOVERY_CODE_USED,

	TWO_FACTOR_RESET,

	UNREADABLE_DATA,

	// imports (issue 13, item 1): a corrected column mapping remembered for a file layout
	IMPORT_MAPPING_SAVED,

	IMPORT_PREVIEWED,

	IMPORT_COMMITTED,

	/** An import's commit stopped (committing it again resumes it). */
	IMPORT_FAILED,

	/**
	 * An upload refused before a preview exists: another format, too large, unreadable,
	 * no rows, a refused mapping, an importer serving notice or without the permission
	 * (facts fileName, reason).
	 */
	IMPORT_REFUSED,

	/** Imports past their time deleted with their rows (fact imports). */
	IMPORTS_EXPIRED;

	/** The action of a stored name, or null for a name no constant has (any more). */
	public static AuditAction find(String name) {
		for (AuditAction action : values()) {
			if (action.name().equals(name)) {
				return action;
			}
		}
		return null;
	}

}
