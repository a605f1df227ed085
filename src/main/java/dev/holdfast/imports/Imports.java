package dev.holdfast.imports;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.imports.job.Commits;
import dev.holdfast.imports.preview.AssignableOwners;
import dev.holdfast.imports.preview.Previews;
import dev.holdfast.imports.report.ErrorReport;
import dev.holdfast.imports.store.ImportFiles;
import dev.holdfast.imports.store.ImportRows;
import dev.holdfast.imports.store.StoredRow;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
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

	private final ImportRefusals refusals;

	private final ProblemTexts texts;

	private final CustomerVisibility visibility;

	Imports(Previews previews, Commits commits, ImportFiles files, ImportRows rows, AssignableOwners owners,
			ErrorReport report, ImportRefusals refusals, ProblemTexts texts, CustomerVisibility visibility) {
		this.refusals = refusals;
		this.texts = texts;
		this.visibility = visibility;
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
	 * @throws dev.holdfast.shared.TooManyRequestsException while the caller's uploads are
	 * throttled, after many were refused within a minute ({@link ImportRefusals})
	 */
	public ImportView preview(Path file, String fileName, Map<Integer, ImportField> mapping) {
		String name = (fileName == null) ? "" : fileName.strip();
		String stored = name.length() > 255 ? name.substring(name.length() - 255) : name;
		this.refusals.requireRoom();
		long id;
		try {
			id = this.previews.preview(file, stored, mapping);
		}
		catch (InvalidInputException | ForbiddenException ex) {
			this.refusals.refused(stored, ex);
			throw ex;
		}
		return get(id);
	}

	/**
	 * Records an upload refused before it reached {@link #preview} (no file, a part that
	 * could not be read, a mapping that is not one, or the route's permission refused),
	 * as a refusal there is. No permission is needed: it records the caller's own
	 * refusal.
	 */
	public void refusedUpload(String fileName, RuntimeException refusal) {
		this.refusals.requireRoom();
		String name = (fileName == null) ? "" : fileName.strip();
		this.refusals.refused(name.length() > 255 ? name.substring(name.length() - 255) : name, refusal);
	}

	/**
	 * Corrects the mapping of a previewed import and previews its stored rows again
	 * through it, without the file; the mapping is remembered for the file's layout.
	 * @throws InvalidInputException for a mapping that names a column the file lacks,
	 * gives a field to two columns or leaves out the customer's name
	 * @throws dev.holdfast.shared.ConflictException once committing or committed
	 */
	public ImportView remap(long importId, Map<Integer, ImportField> mapping) {
		own(importId);
		if (mapping == null) {
			throw new InvalidInputException("mapping", "is required");
		}
		this.previews.remap(importId, mapping);
		return get(importId);
	}

	/**
	 * Previews the stored rows again through the import's own mapping: once an
	 * administrator approved a larger allowance for it, the rows left unchecked are
	 * looked up (counted against that allowance); without one, against the day's budget.
	 * @throws dev.holdfast.shared.ConflictException once committing or committed
	 */
	public ImportView recheck(long importId) {
		own(importId);
		this.previews.recheck(importId);
		return get(importId);
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
		Locale locale = LocaleContextHolder.getLocale();
		return this.rows.page(importId, verdict, page).map(row -> view(row, view, nameColumn, locale));
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

	private ImportRowView view(StoredRow row, ImportView view, int nameColumn, Locale locale) {
		String name = nameColumn >= 0 && nameColumn < row.cells().size() ? row.cells().get(nameColumn) : null;
		// the customer a row went to is named only while the importer may see it (one
		// given to another owner or to the pool may be beyond their scope)
		Long customer = row.customerId() != null && this.visibility.accessTo(row.customerId()).canRead()
				? row.customerId() : null;
		return new ImportRowView(row.number(), row.verdict(), row.problems(), name, row.existingCustomerId(), customer,
				row.firstRow(), outcome(row), this.texts.of(row.problems(),
						this.texts.headerLabels(view.format(), view.header().names(), locale), row.cells(), locale));
	}

	private static RowOutcome outcome(StoredRow row) {
		if (row.outcome() == null) {
			return null;
		}
		return switch (row.outcome()) {
			case CREATED -> RowOutcome.CREATED;
			case MERGED -> RowOutcome.MERGED;
			case SKIPPED -> row.verdict().refused() ? RowOutcome.REFUSED : RowOutcome.SKIPPED;
		};
	}

}
