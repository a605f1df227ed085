package dev.holdfast.imports;

import jakarta.validation.constraints.NotNull;

import dev.holdfast.shared.LabelPrefix;

/**
 * What the importer chose before committing.
 *
 * @param duplicates what happens to a row that duplicates a customer the importer may see
 * (a duplicate they may not see is always skipped)
 * @param owner who owns the created customers when a row names no owner
 * @param ownerId the employee, when {@code owner} is {@link OwnerChoice#EMPLOYEE}
 */
public record ImportChoices(@NotNull DuplicateChoice duplicates, @NotNull OwnerChoice owner, Long ownerId) {

	/** Skip or merge a visible duplicate. */
	@LabelPrefix("imports.duplicates")
	public enum DuplicateChoice {

		SKIP, MERGE

	}

	/** The owner of the rows that name none. */
	@LabelPrefix("imports.owner")
	public enum OwnerChoice {

		ME, EMPLOYEE, POOL

	}

}
