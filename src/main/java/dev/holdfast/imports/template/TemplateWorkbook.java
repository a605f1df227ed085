package dev.holdfast.imports.template;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.mapping.Synonyms;

/**
 * An import template: a sheet with the headers in one language and one example row, and a
 * second sheet explaining each column. Phone and date columns are text, so that Excel
 * keeps {@code 13912345678} and {@code 2026-03-02} as typed.
 */
public final class TemplateWorkbook {

	/** The template's columns, in order; required ones are marked {@code *}. */
	public static final List<ImportField> COLUMNS = List.of(ImportField.CUSTOMER_NAME, ImportField.CUSTOMER_KIND,
			ImportField.LEVEL, ImportField.INDUSTRY, ImportField.SOURCE, ImportField.REGION, ImportField.ADDRESS,
			ImportField.OWNER, ImportField.CONTACT_NAME, ImportField.CONTACT_TITLE, ImportField.PHONE,
			ImportField.EMAIL, ImportField.WECHAT, ImportField.FOLLOW_UP_CONTENT, ImportField.FOLLOW_UP_DATE,
			ImportField.NOTES);

	public static final List<ImportField> REQUIRED = List.of(ImportField.CUSTOMER_NAME);

	/**
	 * The example row: invented, in Chinese, whichever the template's language; its owner
	 * is a username of the demo company ({@code east.sales1}), so that the example
	 * imports there as it stands.
	 */
	public static final List<String> EXAMPLE = List.of("深圳星河贸易有限公司", "公司", "A", "批发零售", "展会", "广东省深圳市",
			"深圳市南山区科技园科苑路15号", "east.sales1", "李娜", "采购经理", "13912345678", "lina@xinghe-trade.cn", "lina_xh",
			"电话沟通采购需求，约下周上门拜访", "2026-03-02", "老客户介绍");

	private TemplateWorkbook() {
	}

	/**
	 * Writes the template.
	 * @param chinese whether its headers are Chinese (else English)
	 * @param text the texts of the explanation sheet by message key
	 * ({@code imports.template.*})
	 */
	public static void write(boolean chinese, Function<String, String> text, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle plainText = workbook.createCellStyle();
			plainText.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Sheet data = workbook.createSheet(text.apply("imports.template.sheet.data"));
			Row header = data.createRow(0);
			Row example = data.createRow(1);
			for (int i = 0; i < COLUMNS.size(); i++) {
				ImportField field = COLUMNS.get(i);
				header.createCell(i).setCellValue(headerOf(field, chinese));
				header.getCell(i).setCellStyle(bold);
				example.createCell(i).setCellValue(EXAMPLE.get(i));
				example.getCell(i).setCellStyle(plainText);
				data.setDefaultColumnStyle(i, plainText);
				data.setColumnWidth(i, 18 * 256);
			}
			data.createFreezePane(0, 1);
			help(workbook.createSheet(text.apply("imports.template.sheet.help")), chinese, text, bold);
			workbook.write(out);
		}
	}

	public static String headerOf(ImportField field, boolean chinese) {
		return (REQUIRED.contains(field) ? "*" : "") + Synonyms.header(field, chinese);
	}

	private static void help(Sheet sheet, boolean chinese, Function<String, String> text, CellStyle bold) {
		Row titles = sheet.createRow(0);
		List<String> names = List.of("column", "required", "description", "allowed");
		for (int i = 0; i < names.size(); i++) {
			titles.createCell(i).setCellValue(text.apply("imports.template.help." + names.get(i)));
			titles.getCell(i).setCellStyle(bold);
		}
		for (int i = 0; i < COLUMNS.size(); i++) {
			ImportField field = COLUMNS.get(i);
			Row row = sheet.createRow(i + 1);
			row.createCell(0).setCellValue(headerOf(field, chinese));
			row.createCell(1)
				.setCellValue(text.apply(REQUIRED.contains(field) ? "imports.template.yes" : "imports.template.no"));
			row.createCell(2).setCellValue(text.apply("imports.template.field." + field.name()));
			row.createCell(3).setCellValue(text.apply("imports.template.allowed." + field.name()));
		}
		sheet.setColumnWidth(0, 18 * 256);
		sheet.setColumnWidth(1, 10 * 256);
		sheet.setColumnWidth(2, 60 * 256);
		sheet.setColumnWidth(3, 40 * 256);
	}

}
