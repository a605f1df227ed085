package dev.holdfast.offboarding;

/**
 * Where an offboarding case stands: serving notice, handover running, handed over, gone.
 */
public enum CaseStatus {

	NOTICE, HANDING_OVER, HANDED_OVER, DEPARTED

}
