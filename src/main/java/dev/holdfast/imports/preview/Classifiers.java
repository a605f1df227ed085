package dev.holdfast.imports.preview;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.DuplicateProbe;
import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.RowValidation;
import dev.holdfast.imports.store.ImportFiles;

/** Makes the classifier of one file, for the caller. */
@Component
class Classifiers {

	private final RowValidation validation;

	private final DuplicateProbe probe;

	private final AssignableOwners owners;

	private final ImportFiles files;

	Classifiers(RowValidation validation, DuplicateProbe probe, AssignableOwners owners, ImportFiles files) {
		this.files = files;
		this.validation = validation;
		this.probe = probe;
		this.owners = owners;
	}

	/**
	 * The duplicate refusals it meets are audited with the import's id; once an
	 * administrator approved a larger allowance for the import, its values are taken from
	 * that allowance instead of the importer's day.
	 */
	FileClassifier forFile(ColumnMapping mapping, long importId) {
		DuplicateProbe.Batch batch = this.files.find(importId)
			.filter(stored -> stored.allowedChecks() != null)
			.map(stored -> this.probe
				.batch(new DuplicateProbe.Allowance(importId, stored.allowedChecks(), stored.view().createdAt())))
			.orElseGet(() -> this.probe.batch(importId));
		return new FileClassifier(mapping, this.validation.checker(mapping), batch, this.owners.check());
	}

}
