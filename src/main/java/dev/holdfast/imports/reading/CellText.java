package dev.holdfast.imports.reading;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import dev.holdfast.imports.ImportRefusedException;

/**
 * The text of an XLSX cell as a person sees it: shared strings looked up, dates as
 * {@code 2026-03-01} (with the time when there is one), and whole numbers in general
 * format written out in full, since a phone number typed into Excel is a number.
 */
final class CellText {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SharedStrings strings;

	private final StylesTable styles;

	private final DataFormatter formatter = new DataFormatter();

	CellText(SharedStrings strings, StylesTable styles) {
		this.strings = strings;
		this.styles = styles;
	}

	String of(String type, String style, String value) {
		if (value == null) {
			return "";
		}
		return switch (type == null ? "n" : type) {
			case "s" -> shared(value);
			case "b" -> "1".equals(value.strip()) ? "TRUE" : "FALSE";
			case "e" -> "";
			case "n" -> number(value, style);
			default -> value;
		};
	}

	private String shared(String value) {
		try {
			return this.strings.getItemAt(Integer.parseInt(value.strip())).getString();
		}
		catch (NumberFormatException | IllegalStateException | IndexOutOfBoundsException ex) {
			// POI's table answers an index past its texts with IllegalStateException; the
			// file's count attribute counts the cells that use them, not the texts
			throw new ImportRefusedException("refers to a text that is not in the file");
		}
	}

	private String number(String value, String style) {
		double number;
		try {
			number = Double.parseDouble(value.strip());
		}
		catch (NumberFormatException ex) {
			return value;
		}
		int formatIndex = 0;
		String format = null;
		XSSFCellStyle cellStyle = style(style);
		if (cellStyle != null) {
			formatIndex = cellStyle.getDataFormat();
			format = cellStyle.getDataFormatString();
		}
		if (format == null) {
			format = BuiltinFormats.getBuiltinFormat(formatIndex);
		}
		if (format != null && DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(number)) {
			LocalDateTime time = DateUtil.getLocalDateTime(number);
			return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.format(MINUTES);
		}
		if (number == Math.rint(number) && Math.abs(number) < 1e15
				&& (format == null || "General".equalsIgnoreCase(format) || "0".equals(format) || "@".equals(format))) {
			return Long.toString((long) number);
		}
		try {
			return this.formatter.formatRawCellContents(number, formatIndex, format == null ? "General" : format);
		}
		catch (RuntimeException ex) {
			return value.strip();
		}
	}

	private XSSFCellStyle style(String style) {
		if (style == null || this.styles == null) {
			return null;
		}
		try {
			int index = Integer.parseInt(style.strip());
			return (index >= 0 && index < this.styles.getNumCellStyles()) ? this.styles.getStyleAt(index) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
