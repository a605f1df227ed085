package dev.holdfast.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.imports.RowVerdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Files as people bring them, from preview to commit: a GBK CSV with Chinese headers, an
 * XLSX with merged header cells and a total row, a vCard with several phones per card.
 * Each checks the customers created, the duplicates of an existing customer and within
 * the file, and the refused rows with their reasons in the error report.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportFilesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Imports imports;

	@TempDir
	Path dir;

	private TestData.Company company;

	private Importing importing;

	private String existingName;

	private String existingPhone;

	private long existing;

	@BeforeAll
	void company() {
		this.company = TestData.given(new Api(this.port), this.jdbc).company("华东大区", "上海一组", "西南大区");
		this.existingName = TestData.unique("上海浦江机械") + "有限公司";
		this.existingPhone = TestData.uniqueMobile();
		this.existing = this.company.data.customerWithContact(this.company.owner, this.existingName, "周杰",
				this.existingPhone);
	}

	@BeforeEach
	void signIn() {
		this.importing = new Importing(this.imports, this.jdbc, this.dir);
		SignedIn.as(this.jdbc, this.company.manager);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theReasonsQuoteTheBadCellsInBothLanguages() throws IOException {
		String name = TestData.unique("苏州工业园") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,级别,邮箱", name + ",陈静,1381234,Z,chen@",
				TestData.unique("南京紫金") + "有限公司,,,,", "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));
		Map<Integer, String> chinese = this.importing.rows(preview.id()).get(0).reasons();
		assertThat(chinese).containsEntry(2, "手机“1381234”不是有效的电话号码")
			.containsEntry(3, "级别“Z”不是有效的级别（A、B、C、D）")
			.containsEntry(4, "邮箱“chen@”不是有效的邮箱地址");

		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.importing.rows(preview.id()).get(0).reasons())
			.containsEntry(2, "手机 '1381234' is not a valid phone number")
			.containsEntry(3, "级别 'Z' is not a level (A, B, C, D)");
		ByteArrayOutputStream english = new ByteArrayOutputStream();
		this.imports.errorReport(preview.id(), english);
		assertThat(cells(english.toByteArray()))
			.anyMatch(cell -> cell.contains("手机 '1381234' is not a valid phone number"));

		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		this.imports.errorReport(preview.id(), report);
		assertThat(cells(report.toByteArray()))
			.anyMatch(cell -> cell.contains("手机“1381234”不是有效的电话号码") && cell.contains("邮箱“chen@”"));
	}

	private static List<String> cells(byte[] xlsx) throws IOException {
		List<String> cells = new java.util.ArrayList<>();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
		}
		return cells;
	}

	@Test
	void aGbkCsvWithChineseHeaders() throws IOException {
		String first = TestData.unique("深圳星河贸易") + "有限公司";
		String second = TestData.unique("杭州云栖科技") + "有限公司";
		String byPhone = TestData.unique("成都天府软件") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,级别,业务员,跟进内容,跟进时间",
				first + ",李娜," + TestData.uniqueMobile() + ",A," + this.company.owner.username()
						+ ",电话沟通采购需求,2026-03-02",
				this.existingName + ",王芳," + TestData.uniqueMobile() + ",B,,,", ",刘洋,12345,E,,,",
				first + ",张伟," + TestData.uniqueMobile() + ",C,,,", byPhone + ",吴敏," + this.existingPhone + ",B,,,",
				second + ",黄磊," + TestData.uniqueMobile() + ",B,,上门拜访,2026/3/5", "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(ImportFixtures.GBK));
		assertThat(preview.format()).isEqualTo(ImportFormat.CSV);
		assertThat(List.of(preview.rows(), preview.fresh(), preview.duplicates(), preview.duplicatesInFile(),
				preview.invalid(), preview.sameCustomer()))
			.containsExactly(6L, 2L, 2L, 0L, 1L, 1L);
		List<ImportRowView> rows = this.importing.rows(preview.id());
		assertThat(rows).extracting(ImportRowView::verdict)
			.containsExactly(Verdict.NEW, Verdict.DUPLICATE, Verdict.INVALID, Verdict.SAME_CUSTOMER, Verdict.DUPLICATE,
					Verdict.NEW);
		assertThat(rows.get(3).firstRow()).as("the row whose customer it joins").isEqualTo(2L);
		assertThat(rows.get(1).existingCustomerId()).isEqualTo(this.existing);
		assertThat(rows.get(4).existingCustomerId()).as("found by the phone").isEqualTo(this.existing);
		assertThat(rows.get(2).problems()).containsOnly(entry(0, CellProblem.REQUIRED),
				entry(2, CellProblem.INVALID_PHONE), entry(3, CellProblem.UNKNOWN_LEVEL));
		assertThat(this.importing.customersNamed(first)).as("nothing is written by a preview").isEmpty();

		ImportView done = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(done.status()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(List.of(done.done(), done.created(), done.merged(), done.skipped())).containsExactly(6L, 2L, 1L, 3L);
		List<Long> created = this.importing.customersNamed(first);
		assertThat(created).hasSize(1);
		assertThat(this.importing.ownerOf(created.get(0))).as("the owner the row names")
			.isEqualTo(this.company.owner.id());
		assertThat(this.importing.contactsOf(created.get(0))).as("李娜 and 张伟").isEqualTo(2);
		assertThat(this.importing.followUpsOf(created.get(0))).isEqualTo(1);
		List<Long> other = this.importing.customersNamed(second);
		assertThat(this.importing.ownerOf(other.get(0))).as("no owner named: the importer")
			.isEqualTo(this.company.manager.id());
		assertThat(this.importing.customersNamed(this.existingName)).containsExactly(this.existing);
		assertThat(this.importing.contactsOf(this.existing)).as("skipped, not merged").isEqualTo(1);
		assertThat(this.importing.customersNamed(byPhone)).isEmpty();
		assertThat(this.importing.rows(preview.id()).get(0).createdCustomerId()).isEqualTo(created.get(0));
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'CUSTOMER_IMPORTED' and details like ?")
					.param("%import:" + preview.id() + "%")
					.query(Long.class)
					.single())
			.as("every created customer audited with the import's id")
			.isEqualTo(2);

		List<List<String>> report = report(preview.id());
		assertThat(report.get(0)).containsExactly("行号", "客户名称", "联系人", "手机", "级别", "业务员", "跟进内容", "跟进时间", "原因");
		assertThat(report.subList(1, report.size())).extracting(r -> r.get(0)).containsExactly("3", "4", "6");
		assertThat(report.get(1).get(8)).isEqualTo("与已有客户重复");
		assertThat(report.get(2).get(8)).contains("客户名称: 必填", "手机“12345”不是有效的电话号码", "级别“E”不是有效的级别");
		assertThat(report.get(2).get(2)).as("the importer's own cells").isEqualTo("刘洋");
		assertThat(report.get(3).get(8)).isEqualTo("与已有客户重复");
	}

	@Test
	void rowsOfOneCompanyWithOtherContactsMakeOneCustomerAndARepeatedPhoneIsRefused() {
		String company = TestData.unique("北京华夏咨询") + "有限公司";
		String other = TestData.unique("天津海河物流") + "有限公司";
		String zhang = TestData.uniqueMobile();
		byte[] xlsx = xlsx(new Object[] { "客户名称", "联系人", "手机", "级别", "跟进内容", "跟进时间" },
				new Object[] { company, "张三", zhang, "A", "电话沟通采购需求", "2026-03-02" },
				new Object[] { company, "李四", TestData.uniqueMobile(), "C", "上门拜访", "2026-03-05" },
				new Object[] { company, "周杰", this.existingPhone, "", "", "" },
				new Object[] { other, "王五", zhang, "B", "", "" },
				new Object[] { company, "张三", zhang, "A", "电话沟通采购需求", "2026-03-02" });
		ImportView preview = this.importing.preview("客户清单.xlsx", xlsx);
		List<ImportRowView> rows = this.importing.rows(preview.id());
		assertThat(rows).extracting(ImportRowView::verdict)
			.as("the second row joins the first's customer; the same phone again repeats a contact")
			.containsExactly(Verdict.NEW, Verdict.SAME_CUSTOMER, Verdict.SAME_CUSTOMER, Verdict.DUPLICATE_IN_FILE,
					Verdict.DUPLICATE_IN_FILE);
		assertThat(rows.get(1).firstRow()).isEqualTo(2L);
		assertThat(List.of(preview.fresh(), preview.sameCustomer(), preview.duplicatesInFile())).containsExactly(1L, 2L,
				2L);

		ImportView done = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(List.of(done.created(), done.merged(), done.skipped())).containsExactly(1L, 2L, 2L);
		List<Long> customers = this.importing.customersNamed(company);
		assertThat(customers).hasSize(1);
		long customer = customers.get(0);
		assertThat(this.importing.contactsOf(customer)).as("张三 and 李四; 周杰's phone is an existing customer's")
			.isEqualTo(2);
		assertThat(this.importing.contactsOf(this.existing)).isEqualTo(1);
		assertThat(this.importing.followUpsOf(customer)).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(distinct contact_id) from follow_up where customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single()).as("each follow-up with its row's contact").isEqualTo(2);
		assertThat(
				this.jdbc.sql("select level from customer where id = ?").param(customer).query(String.class).single())
			.as("the first row's customer cells count")
			.isEqualTo("A");
		assertThat(this.importing.rows(preview.id()).get(1).createdCustomerId()).isEqualTo(customer);
		assertThat(this.importing.customersNamed(other)).isEmpty();
	}

	@Test
	void rowsOfACompanyWhoseFirstRowIsInvalidAreNotImportedAndTheReportSaysWhy() {
		String company = TestData.unique("西安古城文化") + "有限公司";
		byte[] xlsx = xlsx(new Object[] { "客户名称", "联系人", "手机", "级别" }, new Object[] { company, "张三", "12345", "A" },
				new Object[] { company, "李四", TestData.uniqueMobile(), "B" });
		ImportView preview = this.importing.preview("客户清单.xlsx", xlsx);
		assertThat(this.importing.rows(preview.id())).extracting(ImportRowView::verdict)
			.containsExactly(Verdict.INVALID, Verdict.SAME_CUSTOMER);

		ImportView done = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(List.of(done.created(), done.merged(), done.skipped())).containsExactly(0L, 0L, 2L);
		assertThat(this.importing.customersNamed(company)).isEmpty();
		List<List<String>> report = report(preview.id());
		assertThat(report.subList(1, report.size())).extracting(r -> r.get(0)).containsExactly("2", "3");
		assertThat(report.get(2).get(5)).isEqualTo("同一客户的第 2 行未导入，此行随之未导入");
	}

	@Test
	void rowsOfACompanyGoingToThePoolAreCommittedWithoutFailing() {
		String company = TestData.unique("重庆山城火锅") + "有限公司";
		byte[] xlsx = xlsx(new Object[] { "客户名称", "联系人", "手机" },
				new Object[] { company, "张三", TestData.uniqueMobile() },
				new Object[] { company, "李四", TestData.uniqueMobile() });
		ImportView preview = this.importing.preview("客户清单.xlsx", xlsx);

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(ImportChoices.DuplicateChoice.SKIP, ImportChoices.OwnerChoice.POOL, null));

		assertThat(done.status()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(done.created()).isEqualTo(1);
		List<Long> customers = this.importing.customersNamed(company);
		assertThat(customers).hasSize(1);
		assertThat(List.of(done.merged(), done.skipped())).containsExactly(1L, 0L);
		assertThat(this.importing.contactsOf(customers.get(0))).as("李四 too, though the pool's customer").isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from customer where id = ? and owner_id is null")
			.param(customers.get(0))
			.query(Long.class)
			.single()).as("in the pool").isEqualTo(1);
	}

	private static byte[] xlsx(Object[]... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("客户");
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void anXlsxWithMergedHeaderCellsAndATotalRow() {
		String first = TestData.unique("广州珠江实业") + "有限公司";
		String second = TestData.unique("南京紫金物流") + "有限公司";
		String phone = TestData.uniqueMobile();
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { first, "陈静", phone, "A", 120000 });
		rows.add(new Object[] { this.existingName, "赵磊", TestData.uniqueMobile(), "B", 80000 });
		rows.add(null);
		rows.add(new Object[] { second, "孙丽", phone, "C", 50000 });
		rows.add(new Object[] { "", "钱多", "139", "Z", 1 });
		ImportView preview = this.importing.preview("客户清单.xlsx", ImportFixtures.mergedHeaderXlsx(rows));
		assertThat(preview.header().names()).containsExactly("客户名称", "联系人-姓名", "联系人-手机", "级别", "年销售额");
		List<ImportRowView> read = this.importing.rows(preview.id());
		assertThat(read).extracting(ImportRowView::number)
			.as("the blank and the total row are not data")
			.containsExactly(3L, 4L, 6L, 7L);
		assertThat(read).extracting(ImportRowView::verdict)
			.containsExactly(Verdict.NEW, Verdict.DUPLICATE, Verdict.DUPLICATE_IN_FILE, Verdict.INVALID);
		assertThat(read.get(3).problems()).containsOnly(entry(0, CellProblem.REQUIRED),
				entry(2, CellProblem.INVALID_PHONE), entry(3, CellProblem.UNKNOWN_LEVEL));

		ImportView done = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(done.created()).isEqualTo(1);
		assertThat(this.importing.customersNamed(first)).hasSize(1);
		assertThat(this.importing.customersNamed(second)).as("its phone repeats the first row's").isEmpty();
		List<List<String>> report = report(preview.id());
		assertThat(report.subList(1, report.size())).extracting(r -> r.get(0)).containsExactly("4", "6", "7");
	}

	@Test
	void aVcardWithSeveralPhonesPerCard() {
		String first = TestData.unique("上海浦东机械") + "有限公司";
		String second = TestData.unique("厦门鹭江茶业") + "有限公司";
		String third = TestData.unique("福州闽江电子") + "有限公司";
		String vcf = String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "N:周;杰;;;", "FN:周杰", "ORG:" + first + ";采购部",
				"TITLE:采购总监", "TEL;TYPE=CELL:" + TestData.uniqueMobile(),
				"TEL;TYPE=WORK,VOICE:" + TestData.uniqueMobile(), "TEL;TYPE=HOME:" + TestData.uniqueMobile(),
				"END:VCARD", "BEGIN:VCARD", "VERSION:3.0", "FN:吴敏", "ORG:" + second,
				"TEL;TYPE=CELL:" + TestData.uniqueMobile(), "TEL;TYPE=CELL:" + TestData.uniqueMobile(), "END:VCARD",
				"BEGIN:VCARD", "VERSION:3.0", "FN:郑强", "ORG:" + third, "TEL;TYPE=CELL:" + TestData.uniqueMobile(),
				"END:VCARD", "");
		ImportView preview = this.importing.preview("通讯录.vcf", vcf.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.fresh()).isEqualTo(3);

		this.importing.commit(preview.id(), Importing.skipAndKeep());

		long zhou = this.importing.customersNamed(first).get(0);
		assertThat(this.importing.contactNamesOf(zhou))
			.as("one contact per phone, each named by its phone as the phone's contacts app shows it")
			.containsExactly("周杰 (手机)", "周杰 (工作电话)", "周杰 (家庭电话)");
		assertThat(this.jdbc.sql("select title from contact where customer_id = ? order by id")
			.param(zhou)
			.query(String.class)
			.list()).as("each keeps the card's title").containsOnly("采购总监");
		assertThat(this.importing.contactNamesOf(this.importing.customersNamed(second).get(0)))
			.as("two mobiles: numbered")
			.containsExactly("吴敏 (手机)", "吴敏 (手机 2)");
		assertThat(this.importing.contactNamesOf(this.importing.customersNamed(third).get(0)))
			.as("one phone: the name alone")
			.containsExactly("郑强");
		ImportView again = this.importing.preview("通讯录.vcf", vcf.getBytes(StandardCharsets.UTF_8));
		assertThat(this.importing.rows(again.id())).extracting(ImportRowView::verdict)
			.as("the same file again finds what the first import created")
			.containsExactly(Verdict.DUPLICATE, Verdict.DUPLICATE, Verdict.DUPLICATE);
	}

	/**
	 * The columns Holdfast names a vCard's cells by reach the importer in their language:
	 * in the rows' reasons and in the error report.
	 */
	@Test
	void aVcardsColumnsAreNamedInTheImportersLanguage() {
		String vcf = String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "FN:" + TestData.unique("郑丽"),
				"ORG:" + TestData.unique("无锡太湖纺织") + "有限公司", "TEL:12345", "END:VCARD", "");
		ImportView preview = this.importing.preview("通讯录.vcf", vcf.getBytes(StandardCharsets.UTF_8));
		int other = preview.header().names().indexOf("Other phone");
		assertThat(other).as("the stored column names stay as they were (remembered mappings go by them)")
			.isNotNegative();

		assertThat(this.importing.rows(preview.id()).get(0).reasons()).containsEntry(other, "其他电话“12345”不是有效的电话号码");
		List<List<String>> chinese = report(preview.id());
		assertThat(chinese.get(0)).contains("姓名", "客户", "其他电话").doesNotContain("Name", "Other phone");
		assertThat(chinese.get(1)).anyMatch(cell -> cell.contains("其他电话“12345”"));

		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.importing.rows(preview.id()).get(0).reasons()).containsEntry(other,
				"Other phone '12345' is not a valid phone number");
		assertThat(report(preview.id()).get(0)).contains("Name", "Other phone");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void aVcard4CardWithoutOrgBecomesAPersonWithThePhonesOfItsCard() {
		String person = TestData.unique("王芳");
		String company = TestData.unique("杭州西湖茶叶") + "有限公司";
		String vcf = String.join("\r\n", "BEGIN:VCARD", "VERSION:4.0", "N:王;芳;;;", "FN:" + person,
				"TEL;TYPE=cell;VALUE=uri:tel:" + TestData.uniqueMobile(),
				"TEL;TYPE=home;VALUE=uri:tel:" + TestData.uniqueMobile(), "EMAIL:wangfang@163.com", "END:VCARD",
				"BEGIN:VCARD", "VERSION:4.0", "FN:李娜", "ORG:" + company,
				"TEL;TYPE=cell;VALUE=uri:tel:" + TestData.uniqueMobile(), "END:VCARD", "");
		ImportView preview = this.importing.preview("手机通讯录.vcf", vcf.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.fresh()).as("a card without ORG is not refused").isEqualTo(2);

		this.importing.commit(preview.id(), Importing.skipAndKeep());

		long wang = this.importing.customersNamed(person).get(0);
		assertThat(this.jdbc.sql("select kind from customer where id = ?").param(wang).query(String.class).single())
			.isEqualTo("PERSON");
		assertThat(this.importing.contactsOf(wang)).as("one contact per phone").isEqualTo(2);
		long li = this.importing.customersNamed(company).get(0);
		assertThat(this.jdbc.sql("select kind from customer where id = ?").param(li).query(String.class).single())
			.isEqualTo("COMPANY");
	}

	private List<List<String>> report(long id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.imports.errorReport(id, out);
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
				}
				rows.add(cells);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

}
