package dev.holdfast.imports;

import dev.holdfast.shared.LabelPrefix;

/**
 * What the commit did with a row, as its importer reads it: created a customer, merged
 * into a visible existing one, skipped (a duplicate the importer chose to skip, or one
 * they may not see), or refused (invalid, a repeat within the file, not checked for the
 * budget).
 */
@LabelPrefix("imports.rowOutcome")
public enum RowOutcome {

	CREATED, MERGED, SKIPPED, REFUSED

}
