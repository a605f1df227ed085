package dev.holdfast.imports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.imports.mapping.HeaderNames;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A corrected mapping is remembered for the importer's files of the same layout (never
 * for another importer's), audited, and only someone who may import (a sales manager, not
 * a sales rep) may read or change it.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnMappingsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ColumnMappings mappings;

	private Employee manager;

	private Employee rep;

	private TestData data;

	private long department;

	@BeforeAll
	void company() {
		this.data = TestData.given(new Api(this.port), this.jdbc);
		this.department = this.data.department(TestData.unique("华东大区"), null);
		this.manager = this.data.employee("manager", this.department, null, "SALES_MANAGER");
		this.rep = this.data.employee("rep", this.department, this.manager.id(), "SALES");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCorrectionIsRememberedForTheLayoutAndAudited() {
		String unique = TestData.unique("区域");
		ImportHeader header = new ImportHeader(1, List.of("单位", "对接人", "对接人手机", unique));
		signIn(this.manager);
		ColumnMapping automatic = this.mappings.suggest(header);
		assertThat(automatic.remembered()).isFalse();
		assertThat(automatic.fields()).containsExactlyEntriesOf(Map.of(0, ImportField.CUSTOMER_NAME));

		Map<Integer, ImportField> corrected = Map.of(0, ImportField.CUSTOMER_NAME, 1, ImportField.CONTACT_NAME, 2,
				ImportField.PHONE, 3, ImportField.REGION);
		this.mappings.remember(header, corrected);

		// the same layout written differently: a required marker, full-width letters,
		// spaces
		ImportHeader again = new ImportHeader(2, List.of("*单位", "对接人 ", "对接人手机", unique.toUpperCase()));
		ColumnMapping remembered = this.mappings.suggest(again);
		assertThat(remembered.remembered()).isTrue();
		assertThat(remembered.fields()).isEqualTo(corrected);
		assertThat(remembered.layout()).isEqualTo(HeaderNames.layout(header.names()));
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where actor_id = ? and action = 'IMPORT_MAPPING_SAVED' and target_id = ?
				""").params(this.manager.id(), remembered.layout().substring(0, 16)).query(Long.class).single())
			.isEqualTo(1);
		// another layout is not affected
		assertThat(this.mappings.suggest(new ImportHeader(1, List.of("单位", "对接人"))).remembered()).isFalse();

		// the insider attack: a manager's saved mapping steered another importer's phone
		// column into the notes; another importer of the same layout keeps the automatic
		// one
		signIn(this.data.employee("manager", this.department, null, "SALES_MANAGER"));
		ColumnMapping theirs = this.mappings.suggest(again);
		assertThat(theirs.remembered()).isFalse();
		assertThat(theirs.fields()).isEqualTo(automatic.fields());
	}

	@Test
	void aMappingWithoutTheCustomersNameIsRefusedAndNotSaved() {
		ImportHeader header = new ImportHeader(1, List.of(TestData.unique("单位"), "手机"));
		signIn(this.manager);
		assertThatThrownBy(() -> this.mappings.remember(header, Map.of(1, ImportField.PHONE)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fields()).containsKey("fields"));
		assertThatThrownBy(() -> this.mappings.remember(header, Map.of())).isInstanceOf(InvalidInputException.class);
		assertThat(this.mappings.suggest(header).remembered()).isFalse();
	}

	@Test
	void aMappingThatGivesAFieldTwiceOrNamesNoColumnIsRefusedAndNotSaved() {
		ImportHeader header = new ImportHeader(1, List.of(TestData.unique("甲"), "手机", "座机"));
		signIn(this.manager);
		assertThatThrownBy(() -> this.mappings.remember(header,
				Map.of(0, ImportField.CUSTOMER_NAME, 1, ImportField.LEVEL, 2, ImportField.LEVEL)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.mappings.remember(header, Map.of(5, ImportField.CUSTOMER_NAME)))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.mappings.suggest(header).remembered()).isFalse();
		// several columns may be further phones
		assertThat(
				this.mappings
					.remember(header,
							Map.of(0, ImportField.CUSTOMER_NAME, 1, ImportField.OTHER_PHONE, 2,
									ImportField.OTHER_PHONE))
					.fields())
			.hasSize(3);
	}

	@Test
	void aSalesRepMayNotImport() {
		signIn(this.rep);
		ImportHeader header = new ImportHeader(1, List.of("客户名称"));
		assertThatThrownBy(() -> this.mappings.suggest(header)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.mappings.remember(header, Map.of(0, ImportField.CUSTOMER_NAME)))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void theTemplatesDownloadForWhoeverMayImport() throws Exception {
		HttpResponse<byte[]> chinese = download(this.data.token(this.manager), "zh");
		assertThat(chinese.statusCode()).isEqualTo(200);
		assertThat(chinese.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(value -> assertThat(value).contains("attachment", "holdfast-import-template-zh.xlsx"));
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(chinese.body()))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("*客户名称");
		}
		assertThat(download(this.data.token(this.manager), "fr").statusCode()).isEqualTo(400);
		assertThat(download(this.data.token(this.rep), "en").statusCode()).isEqualTo(403);
	}

	private HttpResponse<byte[]> download(String token, String language) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/imports/templates/" + language))
			.header("Authorization", "Bearer " + token)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The caller as security loads them: their roles' permissions as authorities. */
	private void signIn(Employee employee) {
		SignedIn.as(this.jdbc, employee);
	}

}
