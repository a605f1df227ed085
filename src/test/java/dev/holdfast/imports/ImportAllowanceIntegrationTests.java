package dev.holdfast.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import dev.holdfast.imports.ImportAllowances.ImportAllowance;
import dev.holdfast.imports.RowVerdict.Verdict;
import dev.holdfast.organization.Approvals;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NoticePeriodException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A larger allowance of duplicate checks for one import, asked by its importer and
 * decided by another administrator: attempted as an attacker would (their own approval, a
 * rep's, the allowance reused elsewhere, a leaving employee, the masked-phone oracle).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportAllowanceIntegrationTests {

	/** What is left of a fresh importer's 2,000 values a day after this. */
	private static final int USED = 1996;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Imports imports;

	@Autowired
	ImportAllowances allowances;

	@Autowired
	Approvals approvals;

	@Autowired
	DuplicateProbe probe;

	@Autowired
	AuditTrail audit;

	@Autowired
	dev.holdfast.organization.OrganizationManagement organization;

	@TempDir
	Path dir;

	private TestData.Company company;

	private Importing importing;

	private Employee administrator;

	@BeforeAll
	void company() {
		this.company = TestData.given(new Api(this.port), this.jdbc).company("华东大区", "上海一组", "西南大区");
		this.administrator = new Employee(
				this.jdbc.sql("select id from employee where username = 'admin'").query(Long.class).single(), "admin");
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
	void anotherAdministratorApprovesAndTheImportsUncheckedRowsAreCheckedFromItsAllowanceAlone() {
		Employee manager = managerWithLittleLeft();
		ImportView preview = this.importing.preview("华东老客户.csv", csv(3));
		assertThat(verdicts(preview)).containsExactly(Verdict.NEW, Verdict.NEW, Verdict.UNCHECKED);
		assertThatThrownBy(() -> this.allowances.request(preview.id(), " ")).isInstanceOf(InvalidInputException.class);

		ImportAllowance asked = this.allowances.request(preview.id(), "华东区老客户迁入");
		assertThat(asked.status()).isEqualTo("PENDING");
		assertThat(asked.values()).as("a name and a phone for each of the three rows").isEqualTo(6);
		SignedIn.as(this.jdbc, this.administrator);
		assertThat(this.approvals.request(asked.requestId()).details()).containsEntry("sameMask", "1")
			.containsEntry("reason", "华东区老客户迁入")
			.containsEntry("unchecked", "1");
		SignedIn.as(this.jdbc, manager);
		assertThat(this.allowances.of(preview.id())).contains(asked);
		assertThatThrownBy(() -> this.allowances.request(preview.id(), "再问一次")).as("one request waits at a time")
			.isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.error()).isEqualTo("allowance_pending"));
		assertThatThrownBy(() -> this.approvals.approve(asked.requestId())).as("the manager approves nothing")
			.isInstanceOf(ForbiddenException.class);
		SignedIn.as(this.jdbc, this.company.owner);
		assertThatThrownBy(() -> this.approvals.approve(asked.requestId())).as("nor does a rep")
			.isInstanceOf(ForbiddenException.class);

		SignedIn.as(this.jdbc, this.administrator);
		assertThat(this.approvals.approve(asked.requestId()).status()).isEqualTo("APPROVED");
		SignedIn.as(this.jdbc, manager);
		assertThat(this.allowances.of(preview.id()).orElseThrow().allowed()).isEqualTo(6);
		ImportView again = this.imports.recheck(preview.id());
		assertThat(verdicts(again)).as("every row checked now").containsOnly(Verdict.NEW);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'DUPLICATES_CHECKED' and actor_id = ?
				  and details::jsonb ->> 'importId' = ? and details::jsonb ->> 'allowance' = 'true'""")
			.params(manager.id(), String.valueOf(preview.id()))
			.query(Long.class)
			.single()).as("counted and audited with the import's id, from its allowance").isEqualTo(1);

		assertThat(this.probe.companyName(TestData.unique("杭州") + "有限公司").budgetExhausted())
			.as("a single duplicate check still has the day's budget alone")
			.isTrue();
		ImportView other = this.importing.preview("另一份.csv", csv(1));
		assertThat(verdicts(other)).as("another import of the same manager is not lifted")
			.containsExactly(Verdict.UNCHECKED);
		ImportView rechecked = this.imports.recheck(preview.id());
		assertThat(verdicts(rechecked)).as("the allowance of six values is used up by the second recheck")
			.containsOnly(Verdict.UNCHECKED);

		assertThat(auditOf(AuditAction.APPROVAL_REQUESTED, manager, asked.requestId())).isEqualTo(1);
		assertThat(auditOf(AuditAction.APPROVAL_APPROVED, this.administrator, asked.requestId())).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(notices(this.administrator, "APPROVAL_REQUESTED", "/admin/approvals/" + asked.requestId()))
				.isEqualTo(1);
			assertThat(notices(manager, "APPROVAL_DECIDED", "/imports/" + preview.id())).isEqualTo(1);
		});
	}

	@Test
	void theRequesterMayNotApproveTheirOwnRequestEvenHoldingTheAdministratorsPermission() {
		String role = this.company.data.role("IMPADM", "导入与角色", "DEPARTMENT_TREE",
				List.of("customer.import", "role.manage"));
		Employee importer = this.company.data.employee("imp", this.company.region, null, role);
		SignedIn.as(this.jdbc, importer);
		this.audit.record(AuditAction.DUPLICATES_CHECKED, "customer", null, Map.of("values", USED));
		ImportView preview = this.importing.preview("自批.csv", csv(3));
		ImportAllowance asked = this.allowances.request(preview.id(), "自己批");
		assertThatThrownBy(() -> this.approvals.approve(asked.requestId())).isInstanceOf(ForbiddenException.class);
		assertThat(this.allowances.of(preview.id()).orElseThrow().status()).isEqualTo("PENDING");
		assertThat(verdicts(this.imports.recheck(preview.id()))).contains(Verdict.UNCHECKED);
	}

	@Test
	void aLeavingEmployeeMayNotAskAndARequestMadeBeforeLeavingIsNotGranted() {
		Employee manager = managerWithLittleLeft();
		ImportView preview = this.importing.preview("离职前.csv", csv(3));
		ImportAllowance asked = this.allowances.request(preview.id(), "交接前导入");
		ImportView second = this.importing.preview("离职前2.csv", csv(3));
		this.company.data.leaving(manager);
		dev.holdfast.SignedIn.as(this.organization, manager);
		assertThatThrownBy(() -> this.allowances.request(second.id(), "再导一份"))
			.isInstanceOf(NoticePeriodException.class);
		SignedIn.as(this.jdbc, this.administrator);
		assertThatThrownBy(() -> this.approvals.approve(asked.requestId())).isInstanceOfSatisfying(
				ConflictException.class, ex -> assertThat(ex.error()).isEqualTo("importer_not_active"));
		assertThat(this.jdbc.sql("select allowed_checks from import_file where id = ?")
			.param(preview.id())
			.query(Long.class)
			.optional()).as("nothing allowed").isEmpty();
		assertThat(this.approvals.reject(asked.requestId(), "离职中").status()).isEqualTo("REJECTED");
	}

	@Test
	void theMaskedPhoneOracleStillFailsWithoutAnApprovalAndAfterARejection() {
		// last stop's attack: a file of guesses 199xxxx8130 against a masked number of a
		// customer the attacker may not see (another region)
		String target = "+86199" + "4242" + "8130";
		this.company.data.customerWithContact(this.company.otherManager, TestData.unique("成都蓉城商贸") + "有限公司", "王芳",
				"199" + "4242" + "8130");
		Employee attacker = managerWithLittleLeft();
		StringBuilder guesses = new StringBuilder("客户名称,联系人,手机\r\n");
		for (int middle = 4200; middle < 4250; middle++) {
			guesses.append(TestData.unique("成都")).append("有限公司,张伟,199").append(middle).append("8130\r\n");
		}
		ImportView preview = this.importing.preview("猜号.csv", guesses.toString().getBytes(StandardCharsets.UTF_8));
		ImportRowView hit = this.importing.rows(preview.id()).get(42);
		assertThat(hit.verdict()).as(target + " is never answered").isEqualTo(Verdict.UNCHECKED);
		assertThat(verdicts(this.imports.recheck(preview.id()))).as("nor by checking again the same day")
			.doesNotContain(Verdict.DUPLICATE);
		ImportAllowance asked = this.allowances.request(preview.id(), "新客户");
		SignedIn.as(this.jdbc, this.administrator);
		assertThat(this.approvals.request(asked.requestId()).details())
			.as("the administrator sees that all 50 phones fit one masked number")
			.containsEntry("sameMask", "50");
		this.approvals.reject(asked.requestId(), "像是猜号码");
		SignedIn.as(this.jdbc, attacker);
		assertThat(this.allowances.of(preview.id()).orElseThrow().status()).isEqualTo("REJECTED");
		assertThat(verdicts(this.imports.recheck(preview.id()))).as("a rejected request lifts nothing")
			.doesNotContain(Verdict.DUPLICATE);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(notices(attacker, "APPROVAL_DECIDED", "/imports/" + preview.id())).isEqualTo(1));
	}

	/** A new manager of the region with four values of the day's 2,000 left. */
	private Employee managerWithLittleLeft() {
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		SignedIn.as(this.jdbc, manager);
		this.audit.record(AuditAction.DUPLICATES_CHECKED, "customer", null, Map.of("values", USED));
		return manager;
	}

	private List<Verdict> verdicts(ImportView view) {
		return this.importing.rows(view.id()).stream().map(ImportRowView::verdict).toList();
	}

	private long auditOf(AuditAction action, Employee actor, long requestId) {
		return this.jdbc.sql("""
				select count(*) from audit_event where action = ? and actor_id = ? and target_type = 'approval_request'
				  and target_id = ?""")
			.params(action.name(), actor.id(), String.valueOf(requestId))
			.query(Long.class)
			.single();
	}

	private long notices(Employee to, String kind, String link) {
		return this.jdbc.sql("select count(*) from notification where employee_id = ? and kind = ? and link = ?")
			.params(to.id(), kind, link)
			.query(Long.class)
			.single();
	}

	/** Companies with a contact and a new mobile each. */
	private static byte[] csv(int rows) {
		StringBuilder file = new StringBuilder("客户名称,联系人,手机\r\n");
		for (int i = 0; i < rows; i++) {
			file.append(TestData.unique("上海浦江贸易")).append("有限公司,李娜,").append(TestData.uniqueMobile()).append("\r\n");
		}
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

}
