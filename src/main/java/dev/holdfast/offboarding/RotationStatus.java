package dev.holdfast.offboarding;

import dev.holdfast.shared.LabelPrefix;

/**
 * Where a rotation plan stands: waiting for its date, being carried out, carried out, or
 * cancelled before it was.
 */
@LabelPrefix("rotation.status")
public enum RotationStatus {

	PLANNED, RUNNING, DONE, CANCELLED

}
