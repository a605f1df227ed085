package dev.holdfast.shared;

/**
 * Refused because an employee is serving notice: the caller themself (export, reveal,
 * transfer, ...) or the employee something was meant for (a customer assigned to them).
 */
public class NoticePeriodException extends ForbiddenException {

	private final String what;

	public NoticePeriodException(String what) {
		super("notice period: " + what);
		this.what = what;
	}

	/** What is refused, a sentence that may have a translation of its own. */
	public String what() {
		return this.what;
	}

	@Override
	public String code() {
		return "notice_period";
	}

}
