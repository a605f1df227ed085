package dev.holdfast.protection.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import dev.holdfast.protection.tracing.LeakTraceInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file formats: watermark in the first row and (XLSX) page header and footer,
 * formulas neutralised in both, and the values a leak trace reads back.
 */
class ExportFilesTests {

	private static final ExportTable TABLE = new ExportTable(List.of("客户名称", "电话"),
			List.of(List.of("=1+2", "13912345678"), List.of("深圳星河贸易有限公司", "@cmd")), List.of(0, 1));

	@Test
	void xlsxCarriesTheWatermarkAsFirstRowHeaderAndFooter() throws IOException {
		byte[] file = ExportFiles.write("XLSX", "导出 Export #7 · 王芳", TABLE);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("导出 Export #7 · 王芳");
			assertThat(sheet.getHeader().getCenter()).contains("Export #7");
			assertThat(sheet.getFooter().getCenter()).contains("Export #7");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'=1+2");
			assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("'@cmd");
		}
		assertThat(LeakTraceInput.values(file)).contains("'=1+2", "13912345678", "深圳星河贸易有限公司");
	}

	@Test
	void csvStartsWithTheWatermarkAndNeutralisesFormulas() {
		String csv = new String(ExportFiles.write("CSV", "导出 Export #8", TABLE), StandardCharsets.UTF_8);
		assertThat(csv.replace("\uFEFF", "").lines().toList()).containsExactly("导出 Export #8", "客户名称,电话",
				"'=1+2,13912345678", "深圳星河贸易有限公司,'@cmd");
	}

	@Test
	void valuesAreNormalisedSoThatRespacedOrPrefixedPhonesStillMatch() {
		assertThat(ExportFingerprints.normalize("+86 139-1234-5678")).isEqualTo("13912345678");
		assertThat(ExportFingerprints.normalize("'139 1234 5678")).isEqualTo("13912345678");
		assertThat(ExportFingerprints.normalize("139****5678")).isEqualTo("139****5678");
		assertThat(ExportFingerprints.normalize(" Z.Li@Example.CN ")).isEqualTo("z.li@example.cn");
		assertThat(LeakTraceInput.values("请联系 139 1234 5678 或 li@example.cn".getBytes(StandardCharsets.UTF_8)))
			.contains("139 1234 5678", "li@example.cn");
	}

}
