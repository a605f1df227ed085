package dev.holdfast.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.DuplicateProbe;
import dev.holdfast.imports.ImportChoices.DuplicateChoice;
import dev.holdfast.imports.ImportChoices.OwnerChoice;
import dev.holdfast.imports.RowVerdict.Verdict;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.NoticePeriodException;
import dev.holdfast.shared.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may import, and what an import tells whom: attempted as an attacker would.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Imports imports;

	@Autowired
	DuplicateProbe probe;

	@Autowired
	AuditTrail audit;

	@Autowired
	OrganizationManagement organization;

	@TempDir
	Path dir;

	private TestData.Company company;

	private Importing importing;

	private String existingName;

	@BeforeAll
	void company() {
		this.company = TestData.given(new Api(this.port), this.jdbc).company("华北大区", "北京一组", "华南大区");
		this.existingName = TestData.unique("北京燕山石化") + "有限公司";
		this.company.data.customerWithContact(this.company.owner, this.existingName, "赵磊", TestData.uniqueMobile());
	}

	@BeforeEach
	void importing() {
		this.importing = new Importing(this.imports, this.jdbc, this.dir);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anEmployeeServingNoticeMayNotImportNorARepWithoutThePermission() {
		Employee leaving = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		this.company.data.leaving(leaving);
		dev.holdfast.SignedIn.as(this.organization, leaving);
		assertThatThrownBy(() -> this.importing.preview("离职前.csv", csv(TestData.unique("天津港务") + "有限公司")))
			.isInstanceOf(NoticePeriodException.class);
		dev.holdfast.SignedIn.as(this.organization, this.company.owner);
		assertThatThrownBy(() -> this.importing.preview("销售.csv", csv(TestData.unique("天津港务") + "有限公司")))
			.isInstanceOf(ForbiddenException.class);
		assertThat(refusedUploads(leaving)).as("the refusal recorded with its reason and the file's name")
			.containsExactly(Map.of("fileName", "离职前.csv", "reason", "notice_period"));
		assertThat(refusedUploads(this.company.owner)).contains(Map.of("fileName", "销售.csv", "reason", "forbidden"));
	}

	@Test
	void aFileTheReadersRefuseIsAuditedWithItsReason() {
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		SignedIn.as(this.jdbc, manager);
		assertThatThrownBy(() -> this.importing.preview("合同.doc", new byte[] { 1, 2, 3 }))
			.isInstanceOf(ImportRefusedException.class);
		assertThatThrownBy(() -> this.importing.preview("空.csv", new byte[0]))
			.isInstanceOf(InvalidInputException.class);
		List<Map<String, String>> refused = refusedUploads(manager);
		assertThat(refused).extracting(r -> r.get("fileName")).containsExactly("合同.doc", "空.csv");
		assertThat(refused.get(0)).containsEntry("reason", "file: is not an XLSX, CSV or vCard (.vcf) file");
		assertThat(refused.get(1).get("reason")).startsWith("file: ");
	}

	@Test
	void aCorrectedMappingPreviewsTheStoredRowsAgainCountingItsRefusalsAsTheUploadDid() {
		// a manager of another region, with a budget of their own
		Employee other = this.company.data.employee("mgr", this.company.elsewhere, null, "SALES_MANAGER");
		SignedIn.as(this.jdbc, other);
		ImportView preview = this.importing.preview("客户.csv", csv(this.existingName));
		long refusals = refusalsOf(other);
		assertThat(refusals).isEqualTo(1);
		// the phone column not imported (in the notes its numbers would be refused)
		ImportView again = this.imports.remap(preview.id(),
				Map.of(0, ImportField.CUSTOMER_NAME, 1, ImportField.CONTACT_NAME));
		assertThat(again.mapping().fields()).doesNotContainKey(2);
		ImportRowView row = this.importing.rows(preview.id()).get(0);
		assertThat(row.verdict()).isEqualTo(Verdict.DUPLICATE);
		assertThat(row.existingCustomerId()).as("still no id of a customer of another region").isNull();
		assertThat(refusalsOf(other)).as("looked up again, counted again").isEqualTo(2);
		assertThat(auditOfImport("DUPLICATE_REFUSED", other, preview.id())).as("each refusal names the import")
			.isEqualTo(2);
	}

	@Test
	void anotherManagerNeitherReadsNorCommitsSomeoneElsesImport() {
		SignedIn.as(this.jdbc, this.company.manager);
		long id = this.importing.preview("客户.csv", csv(TestData.unique("天津港务") + "有限公司")).id();
		SignedIn.as(this.jdbc, this.company.otherManager);
		assertThatThrownBy(() -> this.imports.get(id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.imports.rows(id, null, PageRequest.of(0, 20)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.imports.commit(id, Importing.skipAndKeep()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.imports.errorReport(id, java.io.OutputStream.nullOutputStream()))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.imports.mine()).extracting(ImportView::id).doesNotContain(id);
		SignedIn.as(this.jdbc, this.company.manager);
		assertThat(this.imports.get(id).status()).as("untouched").isEqualTo(ImportStatus.PREVIEWED);
		assertThat(this.imports.mine()).extracting(ImportView::id).contains(id);
	}

	@Test
	void theOwnerChosenMustBeSomeoneTheImporterMayGiveCustomersTo() {
		SignedIn.as(this.jdbc, this.company.manager);
		String name = TestData.unique("天津港务") + "有限公司";
		long id = this.importing.preview("客户.csv", csv(name)).id();
		assertThatThrownBy(() -> this.imports.commit(id,
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.EMPLOYEE, this.company.outsider.id())))
			.as("a rep of another region")
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> this.imports.commit(id, new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.EMPLOYEE, null)))
			.isInstanceOf(InvalidInputException.class);
		ImportView done = this.importing.commit(id,
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.EMPLOYEE, this.company.colleague.id()));
		assertThat(this.importing.ownerOf(this.importing.customersNamed(name).get(0)))
			.isEqualTo(this.company.colleague.id());
		assertThat(done.choices().ownerId()).isEqualTo(this.company.colleague.id());
		assertThatThrownBy(() -> this.imports.commit(id, Importing.skipAndKeep())).as("committed already")
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aDuplicateOfACustomerTheImporterMayNotSeeRevealsNothingAndCountsAgainstTheBudget() {
		SignedIn.as(this.jdbc, this.company.otherManager);
		long refusals = refusalsOf(this.company.otherManager);
		ImportView preview = this.importing.preview("客户.csv", csv(this.existingName));
		ImportRowView row = this.importing.rows(preview.id()).get(0);
		assertThat(row.verdict()).isEqualTo(Verdict.DUPLICATE);
		assertThat(row.existingCustomerId()).as("no id of a customer of another region").isNull();
		assertThat(refusalsOf(this.company.otherManager)).isEqualTo(refusals + 1);
		assertThat(auditOfImport("DUPLICATE_REFUSED", this.company.otherManager, preview.id()))
			.as("the refusal names the import whose preview asked")
			.isEqualTo(1);

		for (int i = 0; i < 30 && !this.probe.companyName(this.existingName).budgetExhausted(); i++) {
			// the budget of the day is used up by refusals
		}
		String fresh = TestData.unique("天津港务") + "有限公司";
		ImportView late = this.importing.preview("客户.csv", csv(fresh));
		assertThat(this.importing.rows(late.id())).extracting(ImportRowView::verdict)
			.as("refused, never created unchecked")
			.containsExactly(Verdict.UNCHECKED);
		assertThat(auditOfImport("RATE_LIMITED", this.company.otherManager, late.id()))
			.as("the budget's refusal names the import")
			.isEqualTo(1);
		this.importing.commit(late.id(), Importing.skipAndKeep());
		assertThat(this.importing.customersNamed(fresh)).isEmpty();
	}

	@Test
	void duplicatesTheImporterMaySeeAreAuditedButDoNotUseUpTheBudget() {
		SignedIn.as(this.jdbc, this.company.manager);
		long refusals = refusalsOf(this.company.manager);
		for (int i = 0; i < 30; i++) {
			// previewing one's own region's customers again and again, as after an import
			DuplicateProbe.Probe probe = this.probe.companyName(this.existingName);
			assertThat(probe.duplicate()).isTrue();
			assertThat(probe.budgetExhausted()).as("a refusal naming a customer one may read is free").isFalse();
		}
		assertThat(refusalsOf(this.company.manager)).as("each still audited").isEqualTo(refusals + 30);
		String fresh = TestData.unique("天津港务") + "有限公司";
		ImportView later = this.importing.preview("客户.csv", csv(fresh, this.existingName));
		assertThat(this.importing.rows(later.id())).extracting(ImportRowView::verdict)
			.containsExactly(Verdict.NEW, Verdict.DUPLICATE);
	}

	@Test
	void everyValueAPreviewLooksUpCountsFoundOrNot() {
		// the insider-attack helper unmasked 199****8130 with 10,000 guessed phones in
		// one
		// file: the "no" answers cost nothing then
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		SignedIn.as(this.jdbc, manager);
		this.audit.record(AuditAction.DUPLICATES_CHECKED, "customer", null, Map.of("values", 1998));
		ImportView preview = this.importing.preview("客户.csv",
				csv(TestData.unique("天津港务") + "有限公司", TestData.unique("天津港务") + "有限公司"));
		assertThat(this.importing.rows(preview.id())).extracting(ImportRowView::verdict)
			.as("two values left of 2,000: the first row's name and phone take them")
			.containsExactly(Verdict.NEW, Verdict.UNCHECKED);
		assertThat(this.jdbc
			.sql("select coalesce(sum((details::jsonb ->> 'values')::int), 0) from audit_event"
					+ " where action = 'DUPLICATES_CHECKED' and actor_id = ?")
			.param(manager.id())
			.query(Long.class)
			.single()).as("the preview's values recorded for good").isEqualTo(1998 + 4);
		assertThat(auditOfImport("DUPLICATES_CHECKED", manager, preview.id())).isEqualTo(1);
		assertThat(auditOfImport("RATE_LIMITED", manager, preview.id())).isEqualTo(1);
	}

	private long auditOfImport(String action, Employee employee, long importId) {
		return this.jdbc.sql("""
				select count(*) from audit_event where action = ? and actor_id = ?
				  and details::jsonb ->> 'importId' = ?""")
			.params(action, employee.id(), String.valueOf(importId))
			.query(Long.class)
			.single();
	}

	/**
	 * The file name and reason of each refused upload of the employee's, oldest first.
	 */
	private List<Map<String, String>> refusedUploads(Employee employee) {
		return this.jdbc.sql("""
				select details::jsonb ->> 'fileName', details::jsonb ->> 'reason' from audit_event
				where action = 'IMPORT_REFUSED' and actor_id = ? order by id""")
			.param(employee.id())
			.query((rs, n) -> Map.of("fileName", rs.getString(1), "reason", rs.getString(2)))
			.list();
	}

	private long refusalsOf(Employee employee) {
		return this.jdbc.sql("select count(*) from audit_event where action = 'DUPLICATE_REFUSED' and actor_id = ?")
			.param(employee.id())
			.query(Long.class)
			.single();
	}

	private static byte[] csv(String... customers) {
		StringBuilder file = new StringBuilder("客户名称,联系人,手机\r\n");
		for (String customer : customers) {
			file.append(customer).append(",李娜,").append(TestData.uniqueMobile()).append("\r\n");
		}
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

}
