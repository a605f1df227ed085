package dev.holdfast.imports;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

/**
 * Moving customers in: a file is previewed (read, validated, checked for duplicates,
 * nothing written to customers), then committed in the background in chunks. Every method
 * needs {@code customer.import}; an employee serving notice may not import; an import is
 * seen only by whoever started it.
 * <p>
 * CONTRACT for issue 13 (lead, 2026-12-07): the signatures are fixed so that the web
 * layer and the service are written in parallel; the bodies are being written.
 */
@Service
public class Imports {

	/**
	 * Reads the file (saved by the caller to {@code file}, deleted by the caller after
	 * the call returns), stores the import and its rows' verdicts.
	 * @param mapping the importer's corrected mapping, or null for the suggested one
	 * @throws ImportRefusedException for a file that cannot be read or passes a limit
	 */
	public ImportView preview(Path file, String fileName, Map<Integer, ImportField> mapping) {
		throw new UnsupportedOperationException("issue 13: being written");
	}

	/** The import, to its importer. */
	public ImportView get(long importId) {
		throw new UnsupportedOperationException("issue 13: being written");
	}

	/** The caller's recent imports, newest first. */
	public List<ImportView> mine() {
		throw new UnsupportedOperationException("issue 13: being written");
	}

	/** The import's rows, optionally only those of one verdict, in file order. */
	public PageResult<ImportRowView> rows(long importId, RowVerdict.Verdict verdict, PageRequest page) {
		throw new UnsupportedOperationException("issue 13: being written");
	}

	/**
	 * Starts (or resumes) the commit in the background and returns at once.
	 * @throws dev.holdfast.shared.ConflictException when already committing or committed
	 */
	public ImportView commit(long importId, ImportChoices choices) {
		throw new UnsupportedOperationException("issue 13: being written");
	}

	/** Writes the error report: an XLSX of every refused row with its reasons. */
	public void errorReport(long importId, OutputStream out) {
		throw new UnsupportedOperationException("issue 13: being written");
	}

}
