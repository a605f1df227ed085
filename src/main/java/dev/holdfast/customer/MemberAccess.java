package dev.holdfast.customer;

import dev.holdfast.shared.LabelPrefix;

/**
 * What a team member may do with a customer.
 */
@LabelPrefix("team.access")
public enum MemberAccess {

	READ, WRITE

}
