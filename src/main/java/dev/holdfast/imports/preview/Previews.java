package dev.holdfast.imports.preview;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ColumnMappings;
import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.ImportReaders;
import dev.holdfast.imports.ImportStatus;
import dev.holdfast.imports.ImportTable;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.store.ImportFiles;
import dev.holdfast.shared.ConflictException;
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

	private final ImportFiles files;

	Previews(ImportReaders readers, ColumnMappings mappings, Classifiers classifiers, PreviewRecords records,
			ImportFiles files, TransactionTemplate transaction) {
		this.files = files;
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
			Long id = this.transaction.execute(status -> this.records.store(table, fileName, mapping,
					importId -> this.classifiers.forFile(mapping, importId)));
			return id;
		}
	}

	/**
	 * A new preview of a previewed import's stored rows through the importer's corrected
	 * mapping, without the file: the mapping is checked and remembered for the layout (in
	 * its own transaction, as for an upload), then every row is classified again under
	 * the import's lock, the duplicate checks counted against the budget as at the
	 * upload.
	 * @throws ConflictException once the import is committing, committed or stopped
	 */
	public void remap(long importId, Map<Integer, ImportField> given) {
		GuardedAction.IMPORT.require();
		ImportView view = previewed(importId);
		ColumnMapping mapping = this.mappings.remember(view.header(), given);
		this.transaction.executeWithoutResult(status -> {
			ImportView locked = previewed(this.files.lock(importId).orElseThrow().view());
			this.records.reclassify(locked, mapping, this.classifiers.forFile(mapping, importId), "remapped");
		});
	}

	/**
	 * A new preview of a previewed import's stored rows through its own mapping: after an
	 * administrator approved a larger allowance (or on another day, with the day's budget
	 * renewed), the rows left unchecked are looked up, every row in file order as at the
	 * upload.
	 * @throws ConflictException once the import is committing, committed or stopped
	 */
	public void recheck(long importId) {
		GuardedAction.IMPORT.require();
		previewed(importId);
		this.transaction.executeWithoutResult(status -> {
			ImportView locked = previewed(this.files.lock(importId).orElseThrow().view());
			this.records.reclassify(locked, locked.mapping(), this.classifiers.forFile(locked.mapping(), importId),
					"rechecked");
		});
	}

	private ImportView previewed(long importId) {
		return previewed(this.files.find(importId).orElseThrow().view());
	}

	private static ImportView previewed(ImportView view) {
		if (view.status() != ImportStatus.PREVIEWED) {
			throw new ConflictException("import_" + view.status().name().toLowerCase(Locale.ROOT),
					"the mapping can be corrected only before the import is committed");
		}
		return view;
	}

}
