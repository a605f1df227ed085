package dev.holdfast.shared;

/**
 * Refused because an employee is serving notice: the caller themself (export, reveal,
 * transfer, ...) or the employee something was meant for (a customer assigned to them).
 */
public class NoticePeriodException extends ForbiddenException {

	public NoticePeriodException(String what) {
		super("notice period: " + what);
	}

	@Override
	public String code() {
		return "notice_period";
	}

}
