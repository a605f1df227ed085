package dev.holdfast.imports.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.ProblemTexts;
import dev.holdfast.imports.RowVerdict.Verdict;
import dev.holdfast.imports.store.ImportRows;
import dev.holdfast.imports.store.StoredRow;
import dev.holdfast.shared.Labels;

/**
 * The error report of an import: one sheet, the file's header with a row number before it
 * and the reasons after it, then every row neither created nor merged (invalid, a
 * duplicate skipped, a repeat within the file, unchecked for the budget) with its own
 * cells, in file order, in the importer's language; an invalid row's reasons quote its
 * bad cells ({@link ProblemTexts}). Written streaming (SXSSF, a window of rows in memory)
 * from pages of rows: the file is never held whole.
 */
@Component
public class ErrorReport {

	private static final int PAGE = 500;

	private final ImportRows rows;

	private final MessageSource messages;

	private final ProblemTexts texts;

	ErrorReport(ImportRows rows, MessageSource messages, ProblemTexts texts) {
		this.rows = rows;
		this.texts = texts;
		this.messages = messages;
	}

	public void write(ImportView view, OutputStream out) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> header = this.texts.headerLabels(view.format(), view.header().names(), locale);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(PAGE)) {
			Sheet sheet = workbook.createSheet(text("imports.report.sheet", locale));
			List<String> first = new ArrayList<>();
			first.add(text("imports.report.row", locale));
			first.addAll(header);
			first.add(text("imports.report.reasons", locale));
			append(sheet, 0, first);
			// why a duplicate is not merged matters unless the importer chose to skip
			boolean merging = view.choices() == null
					|| view.choices().duplicates() == ImportChoices.DuplicateChoice.MERGE;
			int r = 1;
			long after = 0;
			for (List<StoredRow> page = this.rows.refused(view.id(), after, PAGE); !page.isEmpty(); page = this.rows
				.refused(view.id(), after, PAGE)) {
				for (StoredRow row : page) {
					List<String> values = new ArrayList<>();
					values.add(String.valueOf(row.number()));
					for (int c = 0; c < header.size(); c++) {
						values.add(c < row.cells().size() ? row.cells().get(c) : "");
					}
					values.add(reasons(row, header, merging, locale));
					append(sheet, r++, values);
				}
				after = page.get(page.size() - 1).number();
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String reasons(StoredRow row, List<String> header, boolean merging, Locale locale) {
		if (row.verdict() == Verdict.SAME_CUSTOMER && row.customerId() != null) {
			return this.messages.getMessage("imports.report.firstRowNotWritable", new Object[] { row.firstRow() },
					locale);
		}
		if (row.verdict() == Verdict.SAME_CUSTOMER) {
			return this.messages.getMessage("imports.report.firstRowRefused", new Object[] { row.firstRow() }, locale);
		}
		if (row.verdict() != Verdict.INVALID && row.problems().isEmpty()
				|| row.verdict() == Verdict.DUPLICATE && !merging) {
			return text(Labels.key(row.verdict()), locale);
		}
		String problems = String.join("; ", this.texts.of(row.problems(), header, row.cells(), locale).values());
		// a duplicate the importer chose to merge says why it was not (its customer
		// seen masked, or its phones not all checked)
		return row.verdict() == Verdict.DUPLICATE ? text(Labels.key(row.verdict()), locale) + "; " + problems
				: problems;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static void append(Sheet sheet, int index, List<String> values) {
		Row row = sheet.createRow(index);
		for (int c = 0; c < values.size(); c++) {
			row.createCell(c).setCellValue(values.get(c));
		}
	}

}
