package dev.holdfast.imports.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.holdfast.LayoutExpressions;
import dev.holdfast.imports.ProblemTexts;
import dev.holdfast.customer.OwnerCandidates;
import dev.holdfast.imports.CellProblem;
import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.ImportFormat;
import dev.holdfast.imports.ImportHeader;
import dev.holdfast.imports.ImportRefusedException;
import dev.holdfast.imports.ImportRowView;
import dev.holdfast.imports.ImportStatus;
import dev.holdfast.imports.ImportTemplates;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.Imports;
import dev.holdfast.imports.RowOutcome;
import dev.holdfast.imports.RowVerdict;
import dev.holdfast.offboarding.Offboarding;
import dev.holdfast.organization.EmployeeChoices;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.PageResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import page as a web slice: what the page shows of a preview (counts, rows with
 * each problem under its column's header, one select per column), refusals of the upload,
 * the mapping and the choices shown at their fields, and the poll that runs only while
 * the commit does. The service is a mock; {@code ImportPageIntegrationTests} and the
 * browser test use the real one.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "dev\\.holdfast\\.imports\\.web\\.(ImportController|ImportPage)",
						"dev\\.holdfast\\.system\\.(HtmlErrorHandler|FormPages|LayoutAttributes)",
						"dev\\.holdfast\\.shared\\.(web\\.FormErrors|web\\.TimesDialect|Labels)" }))
@Import({ LayoutExpressions.class, ImportFormWebTests.Clock.class, ProblemTexts.class })
@WithMockUser(authorities = "customer.import")
class ImportFormWebTests {

	private static final ImportHeader HEADER = new ImportHeader(1, List.of("*客户名称", "对接人", "手机号", "级别"));

	/** The company's clock, for the pages' {@code #times}. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clock {

		@Bean
		HoldfastClock holdfastClock() {
			return HoldfastClock.of(ZoneId.of("Asia/Shanghai"));
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Imports imports;

	@MockitoBean
	dev.holdfast.imports.ImportAllowances allowances;

	@MockitoBean
	OwnerCandidates owners;

	@MockitoBean
	ImportTemplates templates;

	@MockitoBean(name = "employeeChoices")
	EmployeeChoices employeeChoices;

	@MockitoBean
	OrganizationManagement organization;

	@MockitoBean
	Offboarding offboarding;

	static ImportView view(ImportStatus status, long done) {
		ColumnMapping mapping = new ColumnMapping("layout",
				Map.of(0, ImportField.CUSTOMER_NAME, 2, ImportField.PHONE, 3, ImportField.LEVEL), false);
		return new ImportView(7, "客户清单.csv", ImportFormat.CSV, status, HEADER, mapping, 4, 2, 0, 0, 2, done, 1, 0,
				done > 1 ? 2 : 0, null, Instant.parse("2026-12-07T01:30:00Z"), null);
	}

	@BeforeEach
	void preview() {
		given(this.imports.get(7)).willReturn(view(ImportStatus.PREVIEWED, 0));
		given(this.imports.mine()).willReturn(List.of(view(ImportStatus.PREVIEWED, 0)));
		given(this.imports.rows(eq(7L), any(), any())).willReturn(new PageResult<>(
				List.of(new ImportRowView(2, RowVerdict.Verdict.NEW, Map.of(), "深圳星河贸易有限公司", null, null, null),
						new ImportRowView(3, RowVerdict.Verdict.INVALID,
								Map.of(2, CellProblem.INVALID_PHONE, -1, CellProblem.REQUIRED), "杭州云栖科技有限公司", null,
								null, null)),
				0, 20, 2));
		given(this.imports.rows(eq(7L), eq(RowVerdict.Verdict.UNCHECKED), any()))
			.willReturn(new PageResult<>(List.of(), 0, 1, 0));
		given(this.owners.forCustomersBroughtIn()).willReturn(List.of());
	}

	@Test
	void thePreviewShowsEachProblemUnderItsColumnAndOneSelectPerColumn() throws Exception {
		this.mvc.perform(get("/imports/7").header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("已读取 4 行"), containsString("杭州云栖科技有限公司"),
					containsString("<strong>手机号</strong>:"), containsString("不是有效的电话号码"),
					containsString("<strong>缺少的列（"), containsString("id=\"import-missing\""),
					containsString("name=\"mapping[3]\""),
					containsString("<option value=\"PHONE\" selected=\"selected\">"),
					containsString("id=\"import-error-report\""), containsString("导入（新客户 2 个）"),
					not(containsString("every 1s")))));
	}

	@Test
	void theFilterAndPagingAnswerTheRowsAlone() throws Exception {
		given(this.imports.rows(eq(7L), eq(RowVerdict.Verdict.INVALID),
				any()))
			.willReturn(new PageResult<>(List.of(new ImportRowView(3, RowVerdict.Verdict.INVALID,
					Map.of(2, CellProblem.INVALID_PHONE), "杭州云栖科技有限公司", null, null, null)), 0, 20, 45));
		this.mvc.perform(get("/imports/7").param("verdict", "INVALID").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"import-rows\""),
					containsString("href=\"/imports/7?verdict=INVALID&amp;page=1\""),
					not(containsString("id=\"import-commit-form\"")))));
		verify(this.imports).rows(eq(7L), eq(RowVerdict.Verdict.INVALID), any());
	}

	@Test
	void anUploadWithoutAFileNeverReachesTheService() throws Exception {
		this.mvc.perform(multipart("/imports").header("Accept-Language", "zh-CN").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"error-file\""), containsString("必填"))));
		verify(this.imports, never()).preview(any(), any(), any());
	}

	@Test
	void aFileTheReadersRefuseIsShownAtTheFileField() throws Exception {
		given(this.imports.preview(any(), eq("大文件.csv"), any()))
			.willThrow(new ImportRefusedException("is larger than 50 MB"));
		this.mvc
			.perform(multipart("/imports").file(new MockMultipartFile("file", "大文件.csv", "text/csv", new byte[] { 1 }))
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"error-file\""), containsString("超过 50 MB"))));
	}

	@Test
	void aMappingThatNamesNoFieldOrOneFieldTwiceIsShownAtItsColumn() throws Exception {
		this.mvc
			.perform(post("/imports/7/mapping").param("mapping[0]", "CUSTOMER_NAME")
				.param("mapping[1]", "SHOE_SIZE")
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"error-mapping[1]\""), containsString("不是可导入的字段"))));
		verify(this.imports, never()).remap(anyLong(), any());

		given(this.imports.remap(eq(7L), any()))
			.willThrow(new InvalidInputException("fields[2]", "is already given to another column"));
		String page = this.mvc
			.perform(post("/imports/7/mapping").param("mapping[0]", "CUSTOMER_NAME")
				.param("mapping[1]", "")
				.param("mapping[2]", "CUSTOMER_NAME")
				.param("mapping[3]", "LEVEL")
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"error-mapping[2]\""), containsString("已对应到另一列"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(select(page, "import-column-2")).as("the refused mapping shown as it was chosen")
			.contains("<option value=\"CUSTOMER_NAME\" selected=\"selected\">")
			.doesNotContain("<option value=\"PHONE\" selected=\"selected\">");

		assertThat(page).as("said at the top of the page too, linking to the columns below the rows")
			.contains("id=\"import-mapping-refused\"", "href=\"#import-mapping-form\"");

		given(this.imports.remap(eq(7L), any()))
			.willThrow(new InvalidInputException("fields", "must give a column to the customer's name"));
		String whole = this.mvc
			.perform(post("/imports/7/mapping").param("mapping[0]", "")
				.param("mapping[2]", "PHONE")
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"error-mapping\""), containsString("请把一列对应到客户名称"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the walk: the refusal of the whole mapping stood below every select, at the
		// page's bottom
		assertThat(whole.indexOf("id=\"error-mapping\"")).as("above the selects it concerns")
			.isLessThan(whole.indexOf("id=\"import-column-0\""))
			.isGreaterThan(whole.indexOf("id=\"import-mapping-form\""));
		assertThat(select(whole, "import-column-0")).contains("aria-describedby=\"error-mapping\"");
		assertThat(whole).contains("id=\"import-mapping-refused\"");
	}

	@Test
	void aCorrectedMappingPreviewsTheStoredRowsAgainWithoutTheFile() throws Exception {
		given(this.imports.remap(eq(7L), any())).willReturn(view(ImportStatus.PREVIEWED, 0));
		String page = this.mvc.perform(get("/imports/7").header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("action=\"/imports/7/mapping\"", "id=\"import-preview-again\"")
			.doesNotContain("type=\"file\"", "multipart/form-data");
		this.mvc
			.perform(post("/imports/7/mapping").param("mapping[0]", "CUSTOMER_NAME")
				.param("mapping[1]", "")
				.param("mapping[2]", "PHONE")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/imports/7"));
		verify(this.imports).remap(7L, Map.of(0, ImportField.CUSTOMER_NAME, 2, ImportField.PHONE));
	}

	@Test
	void theEmployeePickerIsDisabledUnlessANamedEmployeeIsChosen() throws Exception {
		String page = this.mvc.perform(get("/imports/7").header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(select(page, "import-owner-id")).as("'me' is chosen").contains("disabled=\"disabled\"");
		assertThat(select(page, "import-owner-id")).contains("data-enabled-when=\"owner=EMPLOYEE\"");

		given(this.imports.commit(eq(7L), any()))
			.willThrow(new InvalidInputException("ownerId", "must name an employee"));
		String refused = this.mvc
			.perform(post("/imports/7/commit").param("duplicates", "SKIP")
				.param("owner", "EMPLOYEE")
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(select(refused, "import-owner-id")).as("'a named employee' is chosen")
			.doesNotContain("disabled")
			.contains("is-invalid");

		String pool = this.mvc
			.perform(post("/imports/7/commit").param("duplicates", "SKIP")
				.param("owner", "POOL")
				.param("ownerId", "12")
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(select(pool, "import-owner-id")).as("the pool is chosen").contains("disabled=\"disabled\"");
	}

	@Test
	void afterTheCommitEachRowShowsWhatBecameOfIt() throws Exception {
		ImportView committed = new ImportView(7, "客户清单.csv", ImportFormat.CSV, ImportStatus.COMMITTED, HEADER,
				view(ImportStatus.COMMITTED, 4).mapping(), 4, 2, 1, 0, 1, 4, 1, 1, 2, null,
				Instant.parse("2026-12-07T01:30:00Z"), Instant.parse("2026-12-07T01:31:00Z"));
		given(this.imports.get(7)).willReturn(committed);
		given(this.imports.rows(eq(7L), any(), any())).willReturn(new PageResult<>(List.of(
				new ImportRowView(2, RowVerdict.Verdict.NEW, Map.of(), "深圳星河贸易有限公司", null, 501L, null,
						RowOutcome.CREATED, Map.of()),
				new ImportRowView(3, RowVerdict.Verdict.INVALID, Map.of(2, CellProblem.INVALID_PHONE), "杭州云栖科技有限公司",
						null, null, null, RowOutcome.REFUSED, Map.of(2, "手机号“12345”不是有效的电话号码")),
				new ImportRowView(4, RowVerdict.Verdict.DUPLICATE, Map.of(), "广州珠江实业有限公司", 77L, 77L, null,
						RowOutcome.MERGED, Map.of()),
				new ImportRowView(5, RowVerdict.Verdict.DUPLICATE, Map.of(), "北京燕山石化有限公司", null, null, null,
						RowOutcome.SKIPPED, Map.of()),
				new ImportRowView(6, RowVerdict.Verdict.DUPLICATE, Map.of(2, CellProblem.MERGE_NEEDS_FULL_VIEW),
						"陕北汇丰食品公司", 72L, null, null, RowOutcome.SKIPPED, Map.of())),
				0, 20, 5));
		String page = this.mvc.perform(get("/imports/7").header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("<th scope=\"col\">导入结果</th>", "手机号“12345”不是有效的电话号码", "href=\"/customers/501\"",
					"href=\"/customers/77\"")
			.doesNotContain("id=\"import-mapping-form\"", "class=\"badge import-verdict");
		assertThat(row(page, 2)).contains("已创建");
		assertThat(row(page, 3)).contains("未导入");
		assertThat(row(page, 4)).contains("已合并");
		// the role walk: a row found (by a phone) at another customer linked that
		// customer
		// under the file's company name
		assertThat(row(page, 6)).contains("<span>陕北汇丰食品公司</span>")
			.contains("href=\"/customers/72\"")
			.contains("匹配到的已有客户（#72）")
			.doesNotContain(">陕北汇丰食品公司</a>");
		assertThat(row(page, 5)).contains("已跳过").doesNotContain("/customers/");
	}

	/** The select of this id, from its tag to its end. */
	private static String select(String page, String id) {
		int start = page.indexOf(" id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		return page.substring(start, page.indexOf("</select>", start));
	}

	private static String row(String page, long number) {
		int start = page.indexOf("id=\"import-row-" + number + "\"");
		assertThat(start).as("row " + number).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	@Test
	void refusedChoicesAreShownAtTheirFieldsAndACommitTwiceOnTheForm() throws Exception {
		given(this.imports.commit(eq(7L), any()))
			.willThrow(new InvalidInputException("ownerId", "choose the employee who owns the rows"));
		this.mvc
			.perform(post("/imports/7/commit").param("duplicates", "MERGE")
				.param("owner", "EMPLOYEE")
				.header("Accept-Language", "en")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"error-ownerId\""),
					containsString("id=\"import-duplicates-MERGE\" value=\"MERGE\" checked=\"checked\""))));

		this.mvc.perform(post("/imports/7/commit").param("owner", "ME").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"error-duplicates\"")));

		given(this.imports.get(7)).willReturn(view(ImportStatus.COMMITTED, 4));
		given(this.imports.commit(eq(7L), any()))
			.willThrow(new ConflictException("import_committed", "the import is committed already"));
		this.mvc
			.perform(post("/imports/7/commit").param("duplicates", "SKIP")
				.param("owner", "ME")
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("id=\"error-form\""), containsString("这次导入已经完成"),
					not(containsString("id=\"import-commit-form\"")))));
	}

	@Test
	void theProgressIsPolledOnlyWhileTheCommitRuns() throws Exception {
		given(this.imports.get(7)).willReturn(view(ImportStatus.COMMITTING, 2));
		this.mvc.perform(get("/imports/7/progress").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Refresh"))
			.andExpect(content().string(allOf(containsString("hx-trigger=\"every 1s\""),
					containsString("2 of 4 rows done"), not(containsString("<html")))));
		given(this.imports.get(anyLong())).willReturn(view(ImportStatus.COMMITTED, 4));
		this.mvc.perform(get("/imports/7/progress").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Refresh", "true"))
			.andExpect(content().string(not(containsString("every 1s"))));
	}

}
