package dev.holdfast.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.shared.ForbiddenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The preview's verdict per row, before anything is written: the rows of a GBK CSV are
 * checked by the API's rules (names, phones through libphonenumber, levels, e-mail,
 * owners by username or display name) and each refused cell says why.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowValidationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RowValidation validation;

	@TempDir
	Path dir;

	private Employee manager;

	private Employee owner;

	@BeforeAll
	void company() {
		TestData data = TestData.given(new Api(this.port), this.jdbc);
		long department = data.department(TestData.unique("华南大区"), null);
		this.manager = data.employee("manager", department, null, "SALES_MANAGER");
		this.owner = data.employee("rep", department, this.manager.id(), "SALES");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void eachRowOfAGbkCsvIsNewOrInvalidWithAReasonPerCell() {
		String csv = String.join("\r\n", "客户名称,联系人,手机,邮箱,级别,业务员,跟进时间",
				"深圳星河贸易有限公司,李娜,139 1234 5678,lina@xinghe-trade.cn,A级," + this.owner.username() + ",2026-03-02",
				",王芳,12345,wangfang@,E,没有这个人,去年春天", "杭州云栖科技有限公司,,,,b,,2026/3/5 9:30", "广州天河商贸有限公司,,,,,,2099-01-01", "");
		Path file = ImportFixtures.file(this.dir, "客户.csv", csv.getBytes(ImportFixtures.GBK));
		signIn(this.manager);
		List<RowVerdict> verdicts = new ArrayList<>();
		try (ImportTable table = ImportReaders.open(file, ImportFormat.CSV, ImportLimits.defaults())) {
			RowValidation.Checker checker = this.validation.checker(ColumnMappings.automatic(table.header()));
			for (var row = table.next(); row.isPresent(); row = table.next()) {
				verdicts.add(checker.check(row.get()));
			}
		}
		assertThat(verdicts).extracting(RowVerdict::number).containsExactly(2L, 3L, 4L, 5L);
		RowVerdict good = verdicts.get(0);
		assertThat(good.verdict()).isEqualTo(RowVerdict.Verdict.NEW);
		assertThat(good.phone()).isEqualTo("+8613912345678");
		assertThat(good.ownerId()).isEqualTo(this.owner.id());
		assertThat(good.customerKey()).isEqualTo("深圳星河贸易");
		RowVerdict bad = verdicts.get(1);
		assertThat(bad.verdict()).isEqualTo(RowVerdict.Verdict.INVALID);
		assertThat(bad.problems()).containsExactlyInAnyOrderEntriesOf(
				Map.of(0, CellProblem.REQUIRED, 2, CellProblem.INVALID_PHONE, 3, CellProblem.INVALID_EMAIL, 4,
						CellProblem.UNKNOWN_LEVEL, 5, CellProblem.UNKNOWN_OWNER, 6, CellProblem.INVALID_DATE));
		assertThat(verdicts.get(2).verdict()).as("a customer without a contact, a lower-case level and a slashed date")
			.isEqualTo(RowVerdict.Verdict.NEW);
		assertThat(verdicts.get(3).problems())
			.as("a follow-up dated in the future is refused, not recorded as of today")
			.containsExactlyInAnyOrderEntriesOf(Map.of(6, CellProblem.FUTURE_DATE));
	}

	@Test
	void aPhoneColumnMappedToTheNotesIsRefusedNotBroughtInAsPlainText() {
		// the walk: the phone column, refused as a phone, mapped to the notes instead
		String csv = String.join("\r\n", "客户名称,联系人,手机,行业", "深圳星河贸易有限公司,李娜,139-1234-5678,外贸",
				"杭州云栖科技有限公司,王芳,请拨 0571-8888 6666 找王经理,软件", "广州天河商贸有限公司,陈静,每周三下午回访,一三九一二三四五六七八",
				"成都锦江商贸有限公司,赵磊,合同金额 13,800,000元,批发", "");
		Path file = ImportFixtures.file(this.dir, "客户.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		signIn(this.manager);
		List<RowVerdict> verdicts = new ArrayList<>();
		try (ImportTable table = ImportReaders.open(file, ImportFormat.CSV, ImportLimits.defaults())) {
			RowValidation.Checker checker = this.validation
				.checker(new ColumnMapping("test", Map.of(0, ImportField.CUSTOMER_NAME, 1, ImportField.CONTACT_NAME, 2,
						ImportField.NOTES, 3, ImportField.INDUSTRY), false));
			for (var row = table.next(); row.isPresent(); row = table.next()) {
				verdicts.add(checker.check(row.get()));
			}
		}
		assertThat(verdicts).extracting(RowVerdict::problems)
			.containsExactly(Map.of(2, CellProblem.PHONE_IN_TEXT), Map.of(2, CellProblem.PHONE_IN_TEXT),
					Map.of(3, CellProblem.PHONE_IN_TEXT), Map.of());
	}

	@Test
	void onlySomeoneWhoMayImportGetsAPreview() {
		signIn(this.owner);
		assertThatThrownBy(() -> this.validation.checker(ColumnMappings.automatic(new ImportHeader(1, List.of("客户")))))
			.isInstanceOf(ForbiddenException.class);
	}

	private void signIn(Employee employee) {
		SignedIn.as(this.jdbc, employee);
	}

}
