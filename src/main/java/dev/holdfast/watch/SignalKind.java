package dev.holdfast.watch;

import dev.holdfast.shared.LabelPrefix;

/** What the post-departure watch saw happen to a former employee's customer. */
@LabelPrefix("watch.signal")
public enum SignalKind {

	/** The customer was archived. */
	ARCHIVED,

	/** The customer was marked lost (流失). */
	LOST,

	/** A complaint was opened. */
	COMPLAINT,

	/** A care visit could not reach the customer. */
	CARE_UNREACHED,

	/** A care visit reached the customer with a low satisfaction score. */
	LOW_SATISFACTION,

	/** Nobody recorded a substantive follow-up for twice the level's rhythm. */
	NO_FOLLOW_UP,

	/** A contact's e-mail moved to one of the leaver's known domains. */
	CONTACT_DOMAIN,

	/** A canary of the former employee was hit (also a risk alert). */
	CANARY_HIT

}
