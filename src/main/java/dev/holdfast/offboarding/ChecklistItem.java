package dev.holdfast.offboarding;

/**
 * One step of an offboarding case: how much of it is done.
 *
 * @param key RESIGNATION_RECORDED, PLAN_COMPLETE, KEY_CUSTOMER_NOTES, ALL_NOTES,
 * HANDOVER_EXECUTED, CARE_VISITS, ACCESS_ENDED
 */
public record ChecklistItem(String key, long done, long total) {

	public boolean complete() {
		return this.done >= this.total;
	}

}
