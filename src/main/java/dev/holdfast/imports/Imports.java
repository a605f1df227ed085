package dev.holdfast.imports;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.imports.job.Commits;
import dev.holdfast.imports.preview.AssignableOwners;
import dev.holdfast.imports.preview.Previews;
import dev.holdfast.imports.report.ErrorReport;
import dev.holdfast.imports.store.ImportFiles;
import dev.holdfast.imports.store.ImportRows;
import dev.holdfast.imports.store.StoredRow;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

/**
 * Moving customers in: a file is previewed (read, validated, checked for duplicates,
 * nothing written to customers), then committed in the background in chunks. Every method
 * needs {@code customer.import}; an employee serving notice may not import; an import is
 * seen only by whoever started it (anyone else: 404, as for a customer they may not see).
 * How it works: docs/imports.md.
 */
@Service
public class Imports {

	private static final int RECENT = 50;

	private final Previews previews;

	private final Commits commits;

	private final ImportFiles files;

	private final ImportRows rows;

	private final AssignableOwners owners;

	private final ErrorReport report;

	Imports(Previews previews, Commits commits, ImportFiles files, ImportRows rows, AssignableOwners owners,
			ErrorReport report) {
		this.previews = previews;
		this.commits = commits;
		this.files = files;
		this.rows = rows;
		this.owners = owners;
		this.report = report;
	}

	/**
	 * Reads the file (saved by the caller to {@code file}, deleted by the caller after
	 * the call returns), stores the import and its rows' verdicts.
	 * @param mapping the importer's corrected mapping, or null for the suggested one
	 * @throws ImportRefusedException for a file that cannot be read or passes a limit
	 */
	public ImportView preview(Path file, String fileName, Map<Integer, ImportField> mapping) {
		String name = (fileName == null) ? "" : fileName.strip();
		long id = this.previews.preview(file, name.length() > 255 ? name.substring(name.length() - 255) : name,
				mapping);
		return get(id);
	}

	/** The import, to its importer. */
	@Transactional(readOnly = true)
	public ImportView get(long importId) {
		return own(importId);
	}

	/** The caller's recent imports, newest first. */
	@Transactional(readOnly = true)
	public List<ImportView> mine() {
		GuardedAction.IMPORT.require();
		return this.files.of(CurrentEmployee.id(), RECENT).stream().map(ImportFiles.Stored::view).toList();
	}

	/** The import's rows, optionally only those of one verdict, in file order. */
	@Transactional(readOnly = true)
	public PageResult<ImportRowView> rows(long importId, RowVerdict.Verdict verdict, PageRequest page) {
		ImportView view = own(importId);
		int nameColumn = view.mapping().column(ImportField.CUSTOMER_NAME).orElse(-1);
		return this.rows.page(importId, verdict, page).map(row -> view(row, nameColumn));
	}

	/**
	 * Starts (or resumes) the commit in the background and returns at once.
	 * @throws dev.holdfast.shared.ConflictException when already committing or committed
	 * @throws InvalidInputException for choices that are missing or name an employee the
	 * importer may not give customers to
	 */
	public ImportView commit(long importId, ImportChoices choices) {
		own(importId);
		validate(choices);
		// an employee named beside "me" or "the pool" is ignored, not recorded as if
		// chosen
		ImportChoices chosen = (choices.owner() == ImportChoices.OwnerChoice.EMPLOYEE) ? choices
				: new ImportChoices(choices.duplicates(), choices.owner(), null);
		this.commits.start(importId, CurrentEmployee.id(), chosen);
		return get(importId);
	}

	/** Writes the error report: an XLSX of every refused row with its reasons. */
	@Transactional(readOnly = true)
	public void errorReport(long importId, OutputStream out) {
		this.report.write(own(importId), out);
	}

	private ImportView own(long importId) {
		GuardedAction.IMPORT.require();
		return this.files.find(importId)
			.filter(stored -> stored.importerId() == CurrentEmployee.id())
			.map(ImportFiles.Stored::view)
			.orElseThrow(() -> new NotFoundException("import"));
	}

	private void validate(ImportChoices choices) {
		if (choices == null || choices.duplicates() == null || choices.owner() == null) {
			throw new InvalidInputException(choices == null || choices.duplicates() == null ? "duplicates" : "owner",
					"must be chosen");
		}
		if (choices.owner() == ImportChoices.OwnerChoice.EMPLOYEE
				&& (choices.ownerId() == null || !this.owners.check().allows(choices.ownerId()))) {
			throw new InvalidInputException("ownerId", choices.ownerId() == null ? "must name an employee"
					: "is not an employee you may give customers to");
		}
	}

	private static ImportRowView view(StoredRow row, int nameColumn) {
		String name = nameColumn >= 0 && nameColumn < row.cells().size() ? row.cells().get(nameColumn) : null;
		return new ImportRowView(row.number(), row.verdict(), row.problems(), name, row.existingCustomerId(),
				row.customerId(), row.firstRow());
	}

}
