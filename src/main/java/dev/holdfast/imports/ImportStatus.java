package dev.holdfast.imports;

import dev.holdfast.shared.LabelPrefix;

/**
 * Where an import stands: previewed (nothing written yet), committing in the background,
 * committed, or failed (a commit that stopped; committing again resumes it).
 */
@LabelPrefix("imports.status")
public enum ImportStatus {

	PREVIEWED, COMMITTING, COMMITTED, FAILED

}
