package dev.holdfast.followup;

import dev.holdfast.shared.LabelPrefix;

/**
 * How the interaction happened.
 */
@LabelPrefix("followup.kind")
public enum FollowUpKind {

	CALL, VISIT, WECHAT, EMAIL, MEETING, OTHER

}
