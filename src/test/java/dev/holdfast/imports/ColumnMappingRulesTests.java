package dev.holdfast.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

import dev.holdfast.imports.mapping.HeaderNames;
import dev.holdfast.imports.template.TemplateWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header names map to fields in both languages, however they are written, and the
 * templates map back to exactly their fields.
 */
class ColumnMappingRulesTests {

	@TempDir
	Path dir;

	@Test
	void headersAreComparedWithoutWidthCaseSpacesPunctuationHintsOrRequiredMarkers() {
		assertThat(HeaderNames.normalize("＊客户名称（必填）")).isEqualTo("客户名称");
		assertThat(HeaderNames.normalize(" 手 机 号 ")).isEqualTo("手机号");
		assertThat(HeaderNames.normalize("Ｅ－Ｍａｉｌ")).isEqualTo("email");
		assertThat(HeaderNames.normalize("Customer Name *")).isEqualTo("customername");
		assertThat(HeaderNames.normalize("【备注】")).isEqualTo("备注");
		assertThat(HeaderNames.layout(List.of("*客户名称", "手机"))).isEqualTo(HeaderNames.layout(List.of("客户名称 ", "手 机")))
			.isNotEqualTo(HeaderNames.layout(List.of("手机", "客户名称")));
	}

	@Test
	void synonymsInBothLanguagesMapToTheSameFields() {
		assertThat(mapped("公司名称", "姓名", "联系电话", "电子邮箱", "详细地址", "客户等级", "负责人", "跟进记录", "跟进日期", "备注", "所属行业", "客户来源"))
			.containsExactly(ImportField.CUSTOMER_NAME, ImportField.CONTACT_NAME, ImportField.PHONE, ImportField.EMAIL,
					ImportField.ADDRESS, ImportField.LEVEL, ImportField.OWNER, ImportField.FOLLOW_UP_CONTENT,
					ImportField.FOLLOW_UP_DATE, ImportField.NOTES, ImportField.INDUSTRY, ImportField.SOURCE);
		assertThat(mapped("Company", "Name", "Mobile", "E-mail", "Address", "Level", "Sales", "Follow-up", "Date",
				"Notes", "Industry", "Source"))
			.containsExactly(ImportField.CUSTOMER_NAME, ImportField.CONTACT_NAME, ImportField.PHONE, ImportField.EMAIL,
					ImportField.ADDRESS, ImportField.LEVEL, ImportField.OWNER, ImportField.FOLLOW_UP_CONTENT,
					ImportField.FOLLOW_UP_DATE, ImportField.NOTES, ImportField.INDUSTRY, ImportField.SOURCE);
		assertThat(mapped("单位名称", "业务员", "手机", "电话", "微信号")).containsExactly(ImportField.CUSTOMER_NAME,
				ImportField.OWNER, ImportField.PHONE, ImportField.OTHER_PHONE, ImportField.WECHAT);
	}

	@Test
	void unknownAndRepeatedColumnsAreLeftUnmapped() {
		ColumnMapping mapping = ColumnMappings
			.automatic(new ImportHeader(1, List.of("客户名称", "年销售额", "公司名称", "", "联系人-微信号")));
		assertThat(mapping.fields())
			.containsExactlyInAnyOrderEntriesOf(Map.of(0, ImportField.CUSTOMER_NAME, 4, ImportField.WECHAT));
		assertThat(mapping.remembered()).isFalse();
	}

	@Test
	void bothTemplatesMapBackToExactlyTheirColumns() throws Exception {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		ImportTemplates templates = new ImportTemplates(messages);
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			templates.write(locale, out);
			Path file = ImportFixtures.file(this.dir, ImportTemplates.fileName(locale), out.toByteArray());
			try (ImportTable table = ImportReaders.open(file, ImportFormat.XLSX, ImportLimits.defaults())) {
				ColumnMapping mapping = ColumnMappings.automatic(table.header());
				List<ImportField> fields = new ArrayList<>();
				for (int i = 0; i < table.header().size(); i++) {
					fields.add(mapping.field(i).orElse(null));
				}
				assertThat(fields).as(locale.toString()).isEqualTo(TemplateWorkbook.COLUMNS);
				assertThat(table.next().orElseThrow().cells()).isEqualTo(TemplateWorkbook.EXAMPLE);
				assertThat(table.next()).isEmpty();
			}
			try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
				var help = workbook.getSheetAt(1);
				boolean chinese = locale.getLanguage().equals("zh");
				assertThat(help.getRow(0).getCell(0).getStringCellValue()).isEqualTo(chinese ? "列" : "Column");
				assertThat(help.getRow(3).getCell(3).getStringCellValue()).as("the allowed levels")
					.isEqualTo(chinese ? "A、B、C、D" : "A, B, C, D");
				assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
					.isEqualTo(chinese ? "*客户名称" : "*Customer name");
			}
		}
	}

	private static List<ImportField> mapped(String... names) {
		ColumnMapping mapping = ColumnMappings.automatic(new ImportHeader(1, List.of(names)));
		List<ImportField> fields = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			fields.add(mapping.field(i).orElse(null));
		}
		return fields;
	}

}
