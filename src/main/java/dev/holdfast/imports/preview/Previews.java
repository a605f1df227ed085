package dev.holdfast.imports.preview;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ColumnMappings;
import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.ImportReaders;
import dev.holdfast.imports.ImportTable;
import dev.holdfast.shared.GuardedAction;

/**
 * The preview of a file: read once, streaming, through the suggested or the importer's
 * mapping (which is remembered for the layout, in its own transaction), every row
 * classified, and all of it stored so that the commit needs no second upload. Nothing is
 * written to customers.
 */
@Component
public class Previews {

	private final ImportReaders readers;

	private final ColumnMappings mappings;

	private final Classifiers classifiers;

	private final PreviewRecords records;

	private final TransactionTemplate transaction;

	Previews(ImportReaders readers, ColumnMappings mappings, Classifiers classifiers, PreviewRecords records,
			TransactionTemplate transaction) {
		this.readers = readers;
		this.mappings = mappings;
		this.classifiers = classifiers;
		this.records = records;
		this.transaction = transaction;
	}

	/** The new import's id. */
	public long preview(Path file, String fileName, Map<Integer, ImportField> given) {
		GuardedAction.IMPORT.require();
		try (ImportTable table = this.readers.open(file, fileName)) {
			ColumnMapping mapping = (given == null) ? this.mappings.suggest(table.header())
					: this.mappings.remember(table.header(), given);
			// the classifier inside the transaction: it holds the importer's duplicate
			// budget until commit
			Long id = this.transaction
				.execute(status -> this.records.store(table, fileName, mapping, this.classifiers.forFile(mapping)));
			return id;
		}
	}

}
