package dev.holdfast.protection.tracing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.SensitiveText;

/**
 * The values in a suspect file: every cell of an XLSX or CSV file, and every phone number
 * and e-mail address in any text, however it was pasted or disguised.
 */
public final class LeakTraceInput {

	private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s-]{5,}\\d|\\d{3}\\*{4}\\d{4}");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+*-]+@[\\w-]+(\\.[\\w-]+)+");

	private LeakTraceInput() {
	}

	public static Set<String> values(byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "is empty");
		}
		if (content.length > 4 && content[0] == 'P' && content[1] == 'K') {
			return spreadsheet(content);
		}
		String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
		Set<String> values = new LinkedHashSet<>();
		try {
			for (CSVRecord record : CSVFormat.DEFAULT.builder()
				.setIgnoreSurroundingSpaces(true)
				.get()
				.parse(new StringReader(text))) {
				record.forEach(values::add);
			}
		}
		catch (IOException | RuntimeException ex) {
			// pasted text need not be valid CSV: the phones and e-mails below still count
		}
		collect(PHONE.matcher(text), values);
		collect(EMAIL.matcher(text), values);
		// written out of shape (一三九…, 139_1234_5678, boss＠…): in their plain form
		SensitiveText.find(text).forEach(found -> values.add(found.value()));
		return values;
	}

	private static void collect(Matcher matcher, Set<String> values) {
		while (matcher.find()) {
			values.add(matcher.group());
		}
	}

	private static Set<String> spreadsheet(byte[] content) {
		Set<String> values = new LinkedHashSet<>();
		DataFormatter formatter = new DataFormatter();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						values.add(formatter.formatCellValue(cell));
					}
				}
			}
		}
		catch (IOException | RuntimeException | NoClassDefFoundError ex) {
			// NoClassDefFoundError: a part compressed by a method whose optional decoder
			// is
			// absent (Zstandard; found by LeakTraceInputFuzzTests)
			throw new InvalidInputException("file", "is neither CSV, XLSX nor text");
		}
		return values;
	}

}
