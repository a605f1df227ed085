package dev.holdfast.offboarding;

import dev.holdfast.shared.LabelPrefix;

/**
 * Where an offboarding case stands: serving notice, handover running, handed over, gone.
 */
@LabelPrefix("offboarding.status")
public enum CaseStatus {

	NOTICE, HANDING_OVER, HANDED_OVER, DEPARTED

}
