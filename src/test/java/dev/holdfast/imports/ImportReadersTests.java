package dev.holdfast.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The readers on the files people really have: a GBK CSV from Excel in China, an XLSX
 * with a two-row merged header and a total row, phone contacts with several numbers per
 * card; each read row by row and mapped to fields by its Chinese or English headers.
 */
class ImportReadersTests {

	@TempDir
	Path dir;

	private final ImportLimits limits = ImportLimits.defaults();

	@Test
	void readsAGbkCsvWithChineseHeadersAndMapsThem() {
		Read read = read("客户.csv", ImportFixtures.gbkCsv());
		assertThat(read.header.names()).startsWith("*客户名称", "联系人", "手机号");
		assertThat(read.rows).extracting(ImportRow::number).containsExactly(2L, 4L);
		assertThat(read.rows.get(0).cells()).startsWith("深圳星河贸易有限公司", "李娜", "13912345678");
		assertThat(read.rows.get(1).cell(6)).isEqualTo("上门拜访，\"确认\"报价");
		assertThat(read.mapping.fields())
			.containsExactlyInAnyOrderEntriesOf(Map.of(0, ImportField.CUSTOMER_NAME, 1, ImportField.CONTACT_NAME, 2,
					ImportField.PHONE, 3, ImportField.EMAIL, 4, ImportField.LEVEL, 5, ImportField.OWNER, 6,
					ImportField.FOLLOW_UP_CONTENT, 7, ImportField.FOLLOW_UP_DATE, 8, ImportField.NOTES));
		assertThat(read.skipped).isEmpty();
	}

	@Test
	void readsUtf8WithAByteOrderMarkAndSemicolons() {
		Read read = read("customers.csv", ImportFixtures.bomSemicolonCsv());
		assertThat(read.header.names()).containsExactly("客户名称", "电话", "地址");
		assertThat(read.rows).singleElement()
			.satisfies(
					row -> assertThat(row.cells()).containsExactly("成都天府软件园有限公司", "028-85123456", "四川省成都市高新区天府大道1号"));
		assertThat(read.mapping.fields()).containsExactlyInAnyOrderEntriesOf(
				Map.of(0, ImportField.CUSTOMER_NAME, 1, ImportField.PHONE, 2, ImportField.ADDRESS));
	}

	@Test
	void readsTabsAndUtf8WithoutMarkAndGb18030() {
		Read tabs = read("a.txt",
				"Company\tMobile\tOwner\n华为技术有限公司\t13912345678\tzhangwei\n".getBytes(StandardCharsets.UTF_8));
		assertThat(tabs.rows.get(0).cells()).containsExactly("华为技术有限公司", "13912345678", "zhangwei");
		assertThat(tabs.mapping.fields()).containsEntry(0, ImportField.CUSTOMER_NAME)
			.containsEntry(2, ImportField.OWNER);
		Read gb18030 = read("b.csv",
				"公司名称,联系电话\n𠀀记餐饮有限公司,13912345678\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
		assertThat(gb18030.rows.get(0).cell(0)).isEqualTo("𠀀记餐饮有限公司");
	}

	@Test
	void readsAnXlsxWithMergedHeaderCellsAndReportsTheTotalRow() {
		Read read = read("客户.xlsx", ImportFixtures.mergedHeaderXlsx());
		assertThat(read.header.names()).containsExactly("客户名称", "联系人-姓名", "联系人-手机", "级别", "年销售额");
		assertThat(read.rows).extracting(ImportRow::number).containsExactly(3L, 4L, 6L);
		assertThat(read.rows).extracting(row -> row.cell(0)).containsExactly("广州珠江实业有限公司", "南京紫金物流有限公司", "武汉长江电子有限公司");
		// a phone typed as a number comes back as its digits, not 1.37E10
		assertThat(read.rows.get(1).cells()).containsExactly("南京紫金物流有限公司", "赵磊", "13700002222", "B", "80000");
		assertThat(read.skipped).containsExactly(new SkippedRow(7, SkippedRow.Reason.TOTAL));
		assertThat(read.mapping.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(0, ImportField.CUSTOMER_NAME, 1,
				ImportField.CONTACT_NAME, 2, ImportField.PHONE, 3, ImportField.LEVEL));
	}

	@Test
	void aHeaderMergedAcrossColumnsAppliesToEachAndASecondPhoneIsAnotherPhone() throws IOException {
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			var header = sheet.createRow(0);
			header.createCell(0).setCellValue("客户名称");
			header.createCell(1).setCellValue("电话");
			sheet.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf("B1:C1"));
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("西安古城文化传媒有限公司");
			row.createCell(1).setCellValue("13912345678");
			row.createCell(2).setCellValue("029-87654321");
			workbook.write(out);
			Read read = read("phones.xlsx", out.toByteArray());
			assertThat(read.header.names()).containsExactly("客户名称", "电话", "电话");
			assertThat(read.mapping.fields()).containsExactlyInAnyOrderEntriesOf(
					Map.of(0, ImportField.CUSTOMER_NAME, 1, ImportField.PHONE, 2, ImportField.OTHER_PHONE));
			assertThat(read.rows.get(0).cells()).containsExactly("西安古城文化传媒有限公司", "13912345678", "029-87654321");
		}
	}

	@Test
	void readsVcardsWithSeveralPhonesPerCard() {
		Read read = read("通讯录.vcf", ImportFixtures.vcard30());
		assertThat(read.rows).hasSize(2);
		ImportRow zhou = read.rows.get(0);
		ImportRow wu = read.rows.get(1);
		assertThat(column(read, zhou, ImportField.CONTACT_NAME)).isEqualTo("周杰");
		assertThat(column(read, zhou, ImportField.CUSTOMER_NAME)).isEqualTo("上海浦江机械有限公司");
		assertThat(column(read, zhou, ImportField.CONTACT_TITLE)).isEqualTo("采购总监");
		assertThat(column(read, zhou, ImportField.PHONE)).isEqualTo("139 1234 5678");
		assertThat(otherPhones(read, zhou)).containsExactly("021-62345678", "021-58889999");
		assertThat(column(read, zhou, ImportField.EMAIL)).isEqualTo("zhoujie@pujiang-jx.cn; zhoujie@163.com");
		assertThat(column(read, zhou, ImportField.ADDRESS)).contains("上海市", "徐汇区漕溪北路88号");
		assertThat(column(read, zhou, ImportField.NOTES)).isEqualTo("展会认识，对数控机床感兴趣");
		assertThat(column(read, wu, ImportField.PHONE)).isEqualTo("13812345678; 15012345678");
		assertThat(wu.number()).isEqualTo(2);
	}

	@Test
	void readsQuotedPrintableVcard21AndVcard40() {
		Read android = read("contacts.vcf", ImportFixtures.vcard21QuotedPrintable());
		ImportRow zheng = android.rows.get(0);
		assertThat(column(android, zheng, ImportField.CONTACT_NAME)).isEqualTo("郑强");
		assertThat(column(android, zheng, ImportField.CUSTOMER_NAME)).isEqualTo("厦门鹭江茶业");
		assertThat(column(android, zheng, ImportField.PHONE)).isEqualTo("18612345678");
		assertThat(otherPhones(android, zheng)).containsExactly("0592-5123456");
		Read v4 = read("v4.vcf", ImportFixtures.vcard40());
		assertThat(column(v4, v4.rows.get(0), ImportField.PHONE)).isEqualTo("+86-135-1234-5678");
		assertThat(otherPhones(v4, v4.rows.get(0))).containsExactly("+86-23-6312-3456");
	}

	@Test
	void aCardWithoutOrgIsAPersonNamedByTheCardInVcard3And4() {
		for (String version : List.of("3.0", "4.0")) {
			String tel = version.equals("4.0") ? "TEL;TYPE=cell;VALUE=uri:tel:" : "TEL;TYPE=CELL:";
			String vcf = String.join("\r\n", "BEGIN:VCARD", "VERSION:" + version, "N:王;芳;;;", "FN:王芳",
					tel + "13912345678", tel + "15012345678", "EMAIL:wangfang@163.com", "END:VCARD", "BEGIN:VCARD",
					"VERSION:" + version, "FN:李娜", "N:李;娜;;;", "ORG:杭州西湖茶叶有限公司;销售部", tel + "13812345678", "END:VCARD",
					"BEGIN:VCARD", "VERSION:" + version, "N:赵;磊;;;", tel + "13712345678", "TEL;TYPE=HOME:0571-87654321",
					"END:VCARD", "");
			Read read = read("v" + version + ".vcf", vcf.getBytes(StandardCharsets.UTF_8));
			assertThat(read.rows).as(version).hasSize(3);
			ImportRow wang = read.rows.get(0);
			assertThat(column(read, wang, ImportField.CUSTOMER_NAME)).as(version).isEqualTo("王芳");
			assertThat(column(read, wang, ImportField.CUSTOMER_KIND)).as(version).isEqualTo("person");
			assertThat(column(read, wang, ImportField.CONTACT_NAME)).as(version).isEqualTo("王芳");
			assertThat(column(read, wang, ImportField.PHONE)).as(version).isEqualTo("13912345678; 15012345678");
			assertThat(column(read, wang, ImportField.EMAIL)).as(version).isEqualTo("wangfang@163.com");
			ImportRow li = read.rows.get(1);
			assertThat(column(read, li, ImportField.CUSTOMER_NAME)).as(version).isEqualTo("杭州西湖茶叶有限公司");
			assertThat(column(read, li, ImportField.CUSTOMER_KIND)).as(version).isEqualTo("company");
			ImportRow zhao = read.rows.get(2);
			assertThat(column(read, zhao, ImportField.CUSTOMER_NAME)).as("N without FN: " + version).isEqualTo("赵磊");
			assertThat(column(read, zhao, ImportField.CUSTOMER_KIND)).as(version).isEqualTo("person");
			assertThat(otherPhones(read, zhao)).as(version).containsExactly("0571-87654321");
			RowContent content = RowContent.of(read.mapping, wang);
			assertThat(content.customer().kind()).as(version).isEqualTo(dev.holdfast.customer.CustomerKind.PERSON);
			assertThat(content.contacts()).as(version).hasSize(2);
			assertThat(RowContent.of(read.mapping, wang, List.of("姓名", "客户", "类型", "部门", "职务", "＊手机（必填）")).contacts())
				.extracting(dev.holdfast.customer.ContactForm::name)
				.as("named by the phone's column, without its hints; the second of a column numbered")
				.containsExactly("王芳 (手机)", "王芳 (手机 2)");
		}
	}

	@Test
	void aVcardInGbkWithoutCharsetIsReadAsGb18030() {
		byte[] card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:钱多多\r\nTEL;TYPE=CELL:13912345678\r\nEND:VCARD\r\n"
			.getBytes(ImportFixtures.GBK);
		Read read = read("gbk.vcf", card);
		assertThat(column(read, read.rows.get(0), ImportField.CONTACT_NAME)).isEqualTo("钱多多");
	}

	@Test
	void filesBeyondTheLimitsAreRefusedWithAClearMessage() throws IOException {
		ImportLimits small = new ImportLimits(DataSize.ofKilobytes(2), 2, 3, 10, DataSize.ofMegabytes(1), 0.01, 10,
				1_000);
		assertRefused(small, "big.csv", "客户名称\n".repeat(400).getBytes(StandardCharsets.UTF_8), "larger than");
		assertRefused(small, "rows.csv", "名称\n甲\n乙\n丙\n".getBytes(StandardCharsets.UTF_8), "more than 2 rows");
		assertRefused(small, "cols.csv", "a,b,c,d\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8), "more than 3 columns");
		assertRefused(small, "cell.csv", "名称\n北京中关村科技发展有限公司\n".getBytes(StandardCharsets.UTF_8),
				"longer than 10 characters");
		assertRefused(small, "empty.vcf", new byte[0], "is empty");
		assertRefused(this.limits, "junk.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), "not a readable XLSX");
		assertRefused(this.limits, "x.doc", "x".getBytes(StandardCharsets.UTF_8), "not an XLSX, CSV or vCard");
	}

	@Test
	void anXlsxThatInflatesBeyondReasonIsRefusedBeforeItIsRead() throws IOException {
		// 20 MB of spaces inside the sheet: compresses about a thousand to one
		Path bomb = rewritten(ImportFixtures.mergedHeaderXlsx(), "bomb.xlsx", "xl/worksheets/sheet1.xml",
				xml -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(20_000_000)));
		assertThat(Files.size(bomb)).isLessThan(100_000);
		assertThatThrownBy(() -> ImportReaders.open(bomb, ImportFormat.XLSX, this.limits).close())
			.isInstanceOf(ImportRefusedException.class)
			.hasMessageContaining("file");
	}

	@Test
	void anXlsxWithMoreDifferentTextsThanTheLimitIsRefusedBeforePoiLoadsThem() throws IOException {
		// the insider-attack helper's shared-strings bomb: 23 million one-letter strings
		// in
		// 7 MB ran the server out of memory; here the same shape against a limit of 1,000
		byte[] good = ImportFixtures.mergedHeaderXlsx();
		Path bomb = rewritten(good, "strings.xlsx", "xl/sharedStrings.xml",
				xml -> xml.replace("</sst>", "<si><t>a</t></si>".repeat(2_000) + "</sst>"));
		ImportLimits small = new ImportLimits(DataSize.ofMegabytes(1), 100, 20, 100, DataSize.ofMegabytes(16), 0.001,
				10, 1_000);
		assertRefused(small, "strings.xlsx", Files.readAllBytes(bomb), "more than 1000 different texts");
		assertThat(
				ImportReaders.open(ImportFixtures.file(this.dir, "good.xlsx", good), ImportFormat.XLSX, small).next())
			.as("the same file without them reads")
			.isPresent();
	}

	@Test
	void sharedTextsAreFoundByTheirNumberWhateverTheFileSaysItsCountIs() throws IOException {
		// count is how many cells use the texts: optional, and no bound on their number
		byte[] good = ImportFixtures.mergedHeaderXlsx();
		Path uncounted = rewritten(good, "uncounted.xlsx", "xl/sharedStrings.xml",
				xml -> xml.replaceFirst(" count=\"\\d+\"", "").replaceFirst(" uniqueCount=\"\\d+\"", ""));
		assertThat(read("uncounted.xlsx", Files.readAllBytes(uncounted)).rows).extracting(row -> row.cell(0))
			.containsExactly("广州珠江实业有限公司", "南京紫金物流有限公司", "武汉长江电子有限公司");
		Path counted = rewritten(good, "counted.xlsx", "xl/sharedStrings.xml",
				xml -> xml.replaceFirst(" count=\"\\d+\"", " count=\"5000\""));
		Path past = rewritten(Files.readAllBytes(counted), "past.xlsx", "xl/worksheets/sheet1.xml",
				xml -> xml.replaceAll("<v>0</v>", "<v>999</v>"));
		assertRefused(this.limits, "past.xlsx", Files.readAllBytes(past), "refers to a text that is not in the file");
	}

	/** The workbook written again under the name, one of its parts changed. */
	private Path rewritten(byte[] xlsx, String name, String part, UnaryOperator<String> change) throws IOException {
		Path file = this.dir.resolve(name);
		try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				byte[] content = in.readAllBytes();
				if (entry.getName().equals(part)) {
					content = change.apply(new String(content, StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.UTF_8);
				}
				out.write(content);
			}
		}
		return file;
	}

	private void assertRefused(ImportLimits limits, String name, byte[] content, String message) {
		Path file = ImportFixtures.file(this.dir, name, content);
		assertThatThrownBy(() -> {
			try (ImportTable table = new ImportReaders(limits).open(file, name)) {
				while (table.next().isPresent()) {
					// read to the end
				}
			}
		}).isInstanceOf(ImportRefusedException.class)
			.satisfies(ex -> assertThat(((ImportRefusedException) ex).fields().get("file")).contains(message));
	}

	private static String column(Read read, ImportRow row, ImportField field) {
		return row.cell(read.mapping.column(field).orElseThrow());
	}

	private static List<String> otherPhones(Read read, ImportRow row) {
		List<String> phones = new ArrayList<>();
		read.mapping.fields().forEach((column, field) -> {
			if (field == ImportField.OTHER_PHONE && !row.cell(column).isEmpty()) {
				phones.add(column + ":" + row.cell(column));
			}
		});
		return phones.stream().sorted().map(p -> p.substring(p.indexOf(':') + 1)).toList();
	}

	private Read read(String name, byte[] content) {
		Path file = ImportFixtures.file(this.dir, name, content);
		try (ImportTable table = new ImportReaders(this.limits).open(file, name)) {
			List<ImportRow> rows = new ArrayList<>();
			table.next().ifPresent(rows::add);
			for (var row = table.next(); row.isPresent(); row = table.next()) {
				rows.add(row.get());
			}
			return new Read(table.header(), rows, table.skipped(), ColumnMappings.automatic(table.header()));
		}
	}

	private record Read(ImportHeader header, List<ImportRow> rows, List<SkippedRow> skipped, ColumnMapping mapping) {
	}

}
