package dev.holdfast.shared;

/**
 * Refused because the caller's unusual activity suspended this permission (reveals,
 * exports) until a manager or administrator lifts the suspension.
 */
public class SuspendedException extends ForbiddenException {

	public SuspendedException(String what) {
		super("risk suspended: " + what);
	}

	@Override
	public String code() {
		return "risk_suspended";
	}

}
