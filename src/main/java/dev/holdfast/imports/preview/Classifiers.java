package dev.holdfast.imports.preview;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.DuplicateProbe;
import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.RowValidation;

/** Makes the classifier of one file, for the caller. */
@Component
class Classifiers {

	private final RowValidation validation;

	private final DuplicateProbe probe;

	private final AssignableOwners owners;

	Classifiers(RowValidation validation, DuplicateProbe probe, AssignableOwners owners) {
		this.validation = validation;
		this.probe = probe;
		this.owners = owners;
	}

	/** The duplicate refusals it meets are audited with the import's id. */
	FileClassifier forFile(ColumnMapping mapping, long importId) {
		return new FileClassifier(mapping, this.validation.checker(mapping), this.probe.batch(importId),
				this.owners.check());
	}

}
