package dev.holdfast.offboarding;

/**
 * How many care visits a case's handover led to, for the case's checklist. Care
 * implements it: care listens to {@link CustomersHandedOver}, so it depends on
 * offboarding, and offboarding asks through this interface of its own instead of
 * depending back on care.
 */
public interface HandoverVisits {

	/** The care visits scheduled for a source ({@code offboarding case N}). */
	long scheduledFor(String source);

}
