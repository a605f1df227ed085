package dev.holdfast.shared;

/**
 * Every action that changes who owns a customer, who is on its team, what is in a pool or
 * a contact's phone or e-mail, and the reads that carry data away (reveal, export). These
 * are the actions a notice period takes away: the policy in the organization module
 * computes an employee's restrictions from this enum, minus what it explicitly allows, so
 * an action added here is refused to everyone serving notice without anyone adding it to
 * a list (deny by default). Every service method that performs one of them checks it
 * first through {@link #require()} (or {@link #check()} when no permission belongs to
 * it), wherever the request came from.
 */
public enum GuardedAction implements Labelled {

	CREATE_CUSTOMER("customer.create", Permission.CUSTOMER_CREATE),

	TRANSFER("customer.transfer", Permission.CUSTOMER_TRANSFER),

	ARCHIVE("customer.archive", Permission.CUSTOMER_ARCHIVE),

	RESTORE("customer.restore", Permission.CUSTOMER_RESTORE),

	CHANGE_MEMBERS("customer.members", Permission.CUSTOMER_MEMBERS),

	/** Setting or changing a contact's phone number or e-mail address. */
	CHANGE_CONTACT_PHONE_OR_EMAIL("contact.phone-email", null),

	REVEAL("contact.reveal", Permission.CONTACT_REVEAL),

	CLAIM("customer.claim", Permission.CUSTOMER_CLAIM),

	ASSIGN_FROM_POOL("pool.assign", Permission.POOL_ASSIGN),

	RETURN_TO_POOL("pool.return", null),

	LOCK("customer.lock", Permission.CUSTOMER_LOCK),

	MANAGE_POOLS("pool.manage", Permission.POOL_MANAGE),

	REQUEST_EXPORT("export.request", Permission.EXPORT_REQUEST),

	APPROVE_EXPORT("export.approve", Permission.EXPORT_APPROVE),

	MANAGE_ROLES("role.manage", Permission.ROLE_MANAGE),

	RUN_HANDOVER("offboarding.execute", Permission.OFFBOARDING_EXECUTE),

	/** Scheduling a care visit gives its visitor access to the customer. */
	SCHEDULE_CARE_VISIT("care.schedule", null),

	/**
	 * Bringing in customers, contacts and follow-ups as of the past (moving in from
	 * another system): a whole customer base at once, with their phones and e-mails.
	 */
	IMPORT("customer.import", Permission.CUSTOMER_IMPORT),

	/**
	 * Building or downloading an evidence package: a ZIP that names the customers of a
	 * departure and, approved, holds their contact data in full.
	 */
	BUILD_EVIDENCE("evidence.build", Permission.EVIDENCE_BUILD);

	private final String code;

	private final Permission permission;

	GuardedAction(String code, Permission permission) {
		this.code = code;
		this.permission = permission;
	}

	/**
	 * The name in the notice-period policy, the {@code restricted:} authorities and
	 * {@code /api/v1/me}; the code of the permission it needs, where there is one, so
	 * that a restriction also takes the permission away.
	 */
	public String code() {
		return this.code;
	}

	/** Its label is the permission's of the same code. */
	@Override
	public String labelKey() {
		return "permission." + this.code;
	}

	/**
	 * Refuses (403 {@code notice_period}) a caller serving notice, and (403
	 * {@code risk_suspended}) one whose risk suspension covers the action.
	 */
	public void check() {
		if (Permission.hasAuthority(Permission.RESTRICTED_PREFIX + this.code)) {
			throw new NoticePeriodException(this.code + " is not allowed while serving notice");
		}
		if (Permission.hasAuthority(Permission.SUSPENDED_PREFIX + this.code)) {
			throw new SuspendedException(this.code + " is suspended after unusual activity until a manager lifts it");
		}
	}

	/**
	 * Whether {@link #check()} would let the caller through (not serving notice, not
	 * suspended for it); the permission is not looked at.
	 */
	public boolean allowed() {
		return !Permission.hasAuthority(Permission.RESTRICTED_PREFIX + this.code)
				&& !Permission.hasAuthority(Permission.SUSPENDED_PREFIX + this.code);
	}

	/** {@link #check()}, then the permission the action needs, if any. */
	public void require() {
		check();
		if (this.permission != null) {
			this.permission.require();
		}
	}

}
