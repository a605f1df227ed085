package dev.holdfast.protection.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import dev.holdfast.shared.SpreadsheetCells;

/**
 * Writes an export as CSV (Commons CSV, with a BOM so that spreadsheet programs read the
 * Chinese right) or XLSX (Apache POI's streaming workbook, the one library here that both
 * writes page headers and footers and reads suspect files back). The watermark is the
 * first line, and in XLSX also the page header and footer; every cell that a spreadsheet
 * would take for a formula is neutralised.
 */
final class ExportFiles {

	private ExportFiles() {
	}

	/**
	 * A cell that starts like a formula gets a leading quote (OWASP CSV injection); null
	 * is an empty cell.
	 */
	static String neutralise(String value) {
		return value == null ? "" : SpreadsheetCells.neutralise(value);
	}

	/** Rows between two progress reports. */
	static final int PROGRESS_STEP = 100;

	static byte[] write(String format, String watermark, ExportTable table) {
		return write(format, watermark, table, written -> {
		});
	}

	/**
	 * The file; {@code progress} hears the number of rows written every
	 * {@link #PROGRESS_STEP} rows and once at the end.
	 */
	static byte[] write(String format, String watermark, ExportTable table, IntConsumer progress) {
		return "XLSX".equals(format) ? xlsx(watermark, table, progress) : csv(watermark, table, progress);
	}

	private static void report(int written, int total, IntConsumer progress) {
		if (written % PROGRESS_STEP == 0 || written == total) {
			progress.accept(written);
		}
	}

	private static byte[] csv(String watermark, ExportTable table, IntConsumer progress) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			printer.printRecord(neutralise(watermark));
			printer.printRecord(table.columns());
			int written = 0;
			for (List<String> row : table.rows()) {
				printer.printRecord(row.stream().map(ExportFiles::neutralise).toList());
				report(++written, table.rows().size(), progress);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] xlsx(String watermark, ExportTable table, IntConsumer progress) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet("export");
			sheet.getHeader().setCenter(watermark);
			sheet.getFooter().setCenter(watermark);
			int r = 0;
			sheet.createRow(r++).createCell(0).setCellValue(watermark);
			r = append(sheet, r, table.columns());
			int written = 0;
			for (List<String> row : table.rows()) {
				r = append(sheet, r, row.stream().map(ExportFiles::neutralise).toList());
				report(++written, table.rows().size(), progress);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int append(Sheet sheet, int index, List<String> values) {
		Row row = sheet.createRow(index);
		for (int c = 0; c < values.size(); c++) {
			row.createCell(c).setCellValue(values.get(c));
		}
		return index + 1;
	}

}
