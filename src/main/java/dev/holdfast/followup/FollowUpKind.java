package dev.holdfast.followup;

/**
 * How the interaction happened.
 */
public enum FollowUpKind {

	CALL, VISIT, WECHAT, EMAIL, MEETING, OTHER

}
