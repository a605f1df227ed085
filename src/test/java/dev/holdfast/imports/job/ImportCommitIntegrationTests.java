package dev.holdfast.imports.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import dev.holdfast.SignedIn;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.customer.BroughtIn;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.VisibleCustomers.Owners;
import dev.holdfast.followup.FollowUpManagement;
import dev.holdfast.followup.FollowUpRhythm;
import dev.holdfast.followup.FollowUpView;
import dev.holdfast.followup.NextContacts;
import dev.holdfast.followup.OverdueCustomers;
import dev.holdfast.followup.Reminders;
import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportChoices.DuplicateChoice;
import dev.holdfast.imports.ImportChoices.OwnerChoice;
import dev.holdfast.imports.ImportRowView;
import dev.holdfast.imports.ImportStatus;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.Importing;
import dev.holdfast.imports.Imports;
import dev.holdfast.imports.RowVerdict.Verdict;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commit: stopped in the middle, committed again, every row written exactly once; a
 * duplicate of a customer the importer may see merged into it when they choose so.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Imports imports;

	@Autowired
	CommitProperties properties;

	@Autowired
	OrganizationManagement organization;

	@Autowired
	AbandonedCommits abandoned;

	@Autowired
	OverdueCustomers overdue;

	@Autowired
	FollowUpRhythm rhythm;

	@Autowired
	FollowUpManagement followUps;

	@Autowired
	Reminders reminders;

	@Autowired
	NextContacts nextContacts;

	@Autowired
	CustomerManagement customers;

	@Autowired
	HoldfastClock clock;

	@Autowired
	ImportExpiry expiry;

	@TempDir
	Path dir;

	private TestData.Company company;

	private Importing importing;

	@BeforeAll
	void company() {
		this.company = TestData.given(new Api(this.port), this.jdbc).company("华中大区", "武汉一组", "东北大区");
	}

	@BeforeEach
	void signIn() {
		this.importing = new Importing(this.imports, this.jdbc, this.dir);
		SignedIn.as(this.organization, this.company.manager);
	}

	/**
	 * A manager of the region with the day's duplicate-check allowance untouched: a file
	 * of hundreds of rows takes most of it (preview-checks-per-day).
	 */
	private void signInAFreshImporter() {
		SignedIn.as(this.organization, this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER"));
	}

	@AfterEach
	void signOut() {
		CommitChunk.failAtRow = 0;
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCommitStoppedAfterAChunkAndCommittedAgainWritesEveryRowExactlyOnce() {
		signInAFreshImporter();
		int size = this.properties.chunkSize();
		int count = size + size / 2;
		String prefix = TestData.unique("武汉光谷");
		StringBuilder csv = new StringBuilder("客户名称,联系人,手机\r\n");
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add(prefix + "第" + i + "号有限公司");
			csv.append(names.get(i)).append(",李娜,").append(TestData.uniqueMobile()).append("\r\n");
		}
		ImportView preview = this.importing.preview("客户.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(preview.fresh()).isEqualTo(count);
		CommitChunk.failAtRow = size + 10;

		ImportView stopped = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(stopped.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'IMPORT_FAILED' and target_id = ?")
			.param(String.valueOf(preview.id()))
			.query(Long.class)
			.single()).as("the stop audited").isEqualTo(1);
		assertThat(stopped.done()).as("the first chunk stays, the second rolled back").isEqualTo(size);
		assertThat(createdNamed(prefix)).isEqualTo(size);
		CommitChunk.failAtRow = 0;

		ImportView resumed = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(resumed.status()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(List.of(resumed.done(), resumed.created())).containsExactly((long) count, (long) count);
		assertThat(createdNamed(prefix)).isEqualTo(count);
		assertThat(this.jdbc.sql("""
				select count(*) from (select normalized_name from customer where name like ?
				group by normalized_name having count(*) > 1) twice""").param(prefix + "%").query(Long.class).single())
			.isZero();
	}

	@Test
	void anImportAStoppedProcessLeftCommittingFailsOnStartAndIsCommittedAgain() {
		String name = TestData.unique("武汉东湖高新") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机", name + ",李娜," + TestData.uniqueMobile(), "");
		long id = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8)).id();
		this.jdbc.sql("update import_file set status = 'COMMITTING' where id = ?").param(id).update();

		this.abandoned.failAbandoned();

		assertThat(this.imports.get(id).status()).isEqualTo(ImportStatus.FAILED);
		assertThat(this.importing.commit(id, Importing.skipAndKeep()).status()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(this.importing.customersNamed(name)).hasSize(1);
	}

	@Test
	void aCompanySomeoneCreatesBetweenPreviewAndCommitIsSkippedWithItsOtherRowsAndTheRestCommitted() {
		String taken = TestData.unique("武汉汉口银行") + "有限公司";
		String other = TestData.unique("武汉钢铁贸易") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机", taken + ",李娜," + TestData.uniqueMobile(),
				other + ",王芳," + TestData.uniqueMobile(), taken + ",赵磊," + TestData.uniqueMobile(), "");
		long id = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8)).id();
		long existing = this.company.data.customer(this.company.colleague, TestData.customerFields(taken));

		ImportView done = this.importing.commit(id, Importing.skipAndKeep());

		assertThat(done.status()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(List.of(done.created(), done.merged(), done.skipped()))
			.as("the taken row's customer's other row too")
			.containsExactly(1L, 0L, 2L);
		assertThat(this.importing.customersNamed(taken)).containsExactly(existing);
		assertThat(this.importing.contactsOf(existing)).isZero();
		assertThat(this.importing.customersNamed(other)).hasSize(1);
	}

	@Test
	void twoStalePreviewsOfOnePersonCommittedOneAfterTheOtherMakeThePersonOnce() {
		// the insider-attack helper: a person customer has no unique name, and the commit
		// did not look at phones again, so the second commit made the same person twice
		String person = TestData.unique("竞态个人");
		String csv = String.join("\r\n", "客户名称,客户类型,联系人,手机", person + ",个人," + person + "," + TestData.uniqueMobile(),
				"");
		long first = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8)).id();
		long second = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8)).id();

		assertThat(this.importing.commit(first, Importing.skipAndKeep()).created()).isEqualTo(1);
		ImportView again = this.importing.commit(second, Importing.skipAndKeep());

		assertThat(List.of(again.created(), again.skipped())).containsExactly(0L, 1L);
		assertThat(this.importing.customersNamed(person)).hasSize(1);
	}

	@Test
	void aRowWhoseOwnerWentOnNoticeAfterThePreviewIsSkippedAndTheRestCommitted() {
		// the insider-attack helper: the whole import failed, on every retry, for one row
		TestData.Employee leaving = this.company.data.employee("rep", this.company.team, this.company.manager.id(),
				"SALES");
		String theirs = TestData.unique("武汉光谷软件") + "有限公司";
		String mine = TestData.unique("武汉东湖物流") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,负责人",
				theirs + ",李娜," + TestData.uniqueMobile() + "," + leaving.username(),
				mine + ",王芳," + TestData.uniqueMobile() + ",", "");
		long id = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8)).id();
		this.company.data.leaving(leaving);

		ImportView done = this.importing.commit(id, Importing.skipAndKeep());

		assertThat(done.status()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(List.of(done.created(), done.skipped())).containsExactly(1L, 1L);
		assertThat(this.importing.customersNamed(theirs)).isEmpty();
		assertThat(this.importing.customersNamed(mine)).hasSize(1);
	}

	@Test
	void previewsNobodyCommittedAreDeletedAfterAWeekCommittedImportsAfterAMonth() {
		String csv = String.join("\r\n", "客户名称,联系人,手机",
				TestData.unique("武汉长江航运") + "有限公司,李娜," + TestData.uniqueMobile(), "");
		long old = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8)).id();
		long fresh = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8)).id();
		this.jdbc.sql("update import_file set created_at = created_at - interval '8 days' where id = ?")
			.param(old)
			.update();

		this.expiry.deleteExpired();

		assertThatThrownBy(() -> this.imports.get(old)).isInstanceOf(NotFoundException.class);
		assertThat(this.jdbc.sql("select count(*) from import_row where import_id = ?")
			.param(old)
			.query(Long.class)
			.single()).as("the file's people go with it").isZero();
		assertThat(this.imports.get(fresh).status()).isEqualTo(ImportStatus.PREVIEWED);
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'IMPORTS_EXPIRED'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void anEmployeeNamedBesideThePoolIsNotRecordedAsChosen() {
		// the insider-attack helper: {"owner":"POOL","ownerId":9} was kept and audited as
		// given
		String csv = String.join("\r\n", "客户名称,联系人,手机",
				TestData.unique("武汉汉阳造船") + "有限公司,李娜," + TestData.uniqueMobile(), "");
		long id = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8)).id();

		ImportView done = this.importing.commit(id,
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.POOL, this.company.colleague.id()));

		assertThat(done.choices().owner()).isEqualTo(OwnerChoice.POOL);
		assertThat(done.choices().ownerId()).isNull();
	}

	@Test
	void aVisibleDuplicateIsMergedIntoTheExistingCustomer() {
		String name = TestData.unique("武汉长江电子") + "有限公司";
		String known = TestData.uniqueMobile();
		long existing = this.company.data.customerWithContact(this.company.owner, name, "孙丽", known);
		// a merge needs the customer's contacts seen in full (docs/imports.md): a FULL
		// policy, as a member of its team who may change it
		String full = this.company.data.role("FULL", "号码全显", "SELF", List.of());
		this.jdbc.sql("""
				insert into role_field_policy (role_id, field, policy)
				select id, 'phone', 'FULL' from role where code = ?""").param(full).update();
		TestData.Employee importer = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER",
				full);
		this.jdbc.sql("insert into customer_member (customer_id, employee_id, access) values (?, ?, 'WRITE')")
			.params(existing, importer.id())
			.update();
		SignedIn.as(this.organization, importer);
		String added = TestData.uniqueMobile();
		String csv = String.join("\r\n", "客户名称,联系人,手机,其他电话", name + ",钱伟," + added + "," + known, "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));
		ImportRowView row = this.importing.rows(preview.id()).get(0);
		assertThat(row.verdict()).isEqualTo(Verdict.DUPLICATE);
		assertThat(row.existingCustomerId()).isEqualTo(existing);

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(DuplicateChoice.MERGE, OwnerChoice.ME, null));

		assertThat(List.of(done.created(), done.merged())).containsExactly(0L, 1L);
		assertThat(this.importing.customersNamed(name)).containsExactly(existing);
		assertThat(this.importing.contactsOf(existing)).as("the new phone added, the known one not twice").isEqualTo(2);
		assertThat(this.importing.rows(preview.id()).get(0).createdCustomerId()).isEqualTo(existing);
	}

	@Test
	void aRowOfTheSameCustomerInALaterChunkJoinsTheFirstRowsCustomerAfterAStop() {
		signInAFreshImporter();
		int size = this.properties.chunkSize();
		String prefix = TestData.unique("武汉华夏");
		String company = prefix + "咨询有限公司";
		String csv = oneCompanyInTwoChunks(prefix, company);
		long later = size + 2;
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(List.of(preview.fresh(), preview.sameCustomer())).containsExactly((long) size, 1L);
		CommitChunk.failAtRow = later;

		ImportView stopped = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(stopped.status()).isEqualTo(ImportStatus.FAILED);
		assertThat(stopped.done()).as("the first chunk, with the first row, stays").isEqualTo(size);
		CommitChunk.failAtRow = 0;

		ImportView resumed = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(resumed.status()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(List.of(resumed.done(), resumed.created(), resumed.merged())).containsExactly((long) size + 1,
				(long) size, 1L);
		List<Long> customers = this.importing.customersNamed(company);
		assertThat(customers).hasSize(1);
		assertThat(this.importing.contactsOf(customers.get(0))).as("张三 and 李四").isEqualTo(2);
		assertThat(this.importing.followUpsOf(customers.get(0))).isEqualTo(2);
		assertThat(this.jdbc.sql("select customer_id from import_row where import_id = ? and number = ?")
			.params(preview.id(), later)
			.query(Long.class)
			.single()).isEqualTo(customers.get(0));
	}

	@Test
	void aRowOfTheSameCustomerInALaterChunkJoinsAPoolCustomerItsFirstRowCreated() {
		signInAFreshImporter();
		int size = this.properties.chunkSize();
		String prefix = TestData.unique("武汉楚天");
		String company = prefix + "贸易有限公司";
		String csv = oneCompanyInTwoChunks(prefix, company);
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(List.of(preview.fresh(), preview.sameCustomer())).containsExactly((long) size, 1L);

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.POOL, null));

		assertThat(done.status()).isEqualTo(ImportStatus.COMMITTED);
		assertThat(List.of(done.created(), done.merged(), done.skipped())).containsExactly((long) size, 1L, 0L);
		List<Long> customers = this.importing.customersNamed(company);
		assertThat(customers).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from pool_entry where customer_id = ?")
			.param(customers.get(0))
			.query(Long.class)
			.single()).as("in the pool").isEqualTo(1);
		assertThat(this.importing.contactsOf(customers.get(0))).as("张三 and 李四").isEqualTo(2);
		assertThat(this.importing.followUpsOf(customers.get(0))).isEqualTo(2);
	}

	@Test
	void aCustomerWhoseLastFollowUpLiesLongAgoIsDueAFullIntervalAfterTheImportNotOnDayOne() {
		String name = TestData.unique("武汉东湖机械") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,级别,跟进内容,跟进时间",
				name + ",周敏," + TestData.uniqueMobile() + ",A,上门拜访洽谈年度采购合同,2024-05-06", "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));
		Instant before = this.clock.now();

		ImportView done = this.importing.commit(preview.id(), Importing.skipAndKeep());

		assertThat(done.created()).isEqualTo(1);
		long customer = this.importing.customersNamed(name).get(0);
		Owners mine = Owners.of(Set.of(this.company.manager.id()));
		Duration interval = this.rhythm.interval(CustomerLevel.A).orElseThrow();
		Instant now = this.clock.now();
		assertThat(this.overdue.dueBefore(mine, now, now.plus(interval).minusSeconds(60), 100_000))
			.as("not due on day one, nor before its level's interval has passed since the import")
			.noneMatch(r -> r.customerId() == customer);
		assertThat(this.overdue.dueBefore(mine, now, now.plus(interval).plusSeconds(60), 100_000))
			.as("due a full interval after the import")
			.anyMatch(r -> r.customerId() == customer && !r.dueAt().isBefore(before.plus(interval)));
		assertThat(this.jdbc.sql("select created_at from customer where id = ?")
			.param(customer)
			.query(Instant.class)
			.single()).as("its history still begins with its follow-up").isBefore(before.minus(Duration.ofDays(300)));
	}

	@Test
	void aFollowUpImportedIntoThePoolNamesWhoBroughtItIn() {
		String name = TestData.unique("武汉江城物流") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,跟进内容,跟进时间",
				name + ",吴刚," + TestData.uniqueMobile() + ",电话沟通运输报价与账期,2026-02-10", "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.POOL, null));

		assertThat(done.created()).isEqualTo(1);
		long customer = this.importing.customersNamed(name).get(0);
		List<FollowUpView> timeline = this.followUps.timeline(customer, new PageRequest(0, 20)).items();
		assertThat(timeline).hasSize(1);
		assertThat(this.jdbc.sql("select author_id from follow_up where customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single()).as("recorded by the importer").isEqualTo(this.company.manager.id());
		String importer = this.organization.displayName(this.company.manager.id());
		assertThat(timeline.get(0).broughtInByName()).as("seen through the pool, the importer is still named")
			.isEqualTo(importer);
		WebSession web = new WebSession(this.port);
		web.logIn(this.company.manager.username(), TestData.PASSWORD);
		String page = web.get("/customers/" + customer + "/follow-ups").body();
		assertThat(page).as("the timeline says who brought it in").contains("follow-up-brought-in").contains(importer);

		// attack, stop 22: the importer may have owned the customer before it went to the
		// pool,
		// which the pool does not name to anyone else
		SignedIn.as(this.organization, this.company.owner);
		FollowUpView seenByAnother = this.followUps.timeline(customer, new PageRequest(0, 20)).items().get(0);
		assertThat(seenByAnother.authorName()).isNull();
		assertThat(seenByAnother.broughtInByName()).as("another rep of the pool is not told who brought it in")
			.isNull();
	}

	@Test
	void aNextContactInTheFileRemindsTheCustomersOwnerNotTheImporter() {
		String name = TestData.unique("杭州西溪纺织") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,跟进内容,跟进时间,下次跟进时间",
				name + ",沈丽," + TestData.uniqueMobile() + ",电话沟通秋季面料订单,2026-11-02,2026-11-20", "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.EMPLOYEE, this.company.owner.id()));

		assertThat(done.created()).isEqualTo(1);
		long customer = this.importing.customersNamed(name).get(0);
		Instant now = this.clock.now();
		assertThat(this.reminders.of(this.company.owner.id(), now).nextContacts())
			.as("the owner's agreed call (role walk, stop 22: it went to the importer)")
			.anyMatch(r -> r.customerId() == customer);
		assertThat(this.reminders.of(this.company.manager.id(), now).nextContacts())
			.as("not the importer's, who only brought the sheet in")
			.noneMatch(r -> r.customerId() == customer);
	}

	@Test
	void datesWithoutATimeOfDayAreShownWithoutOneInTheTimelineAndReminders() {
		String name = TestData.unique("苏州金鸡湖电子") + "有限公司";
		String later = TestData.unique("苏州独墅湖软件") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,跟进内容,跟进时间,下次跟进时间",
				name + ",钱芳," + TestData.uniqueMobile() + ",电话沟通二季度备货计划,2026-08-01,2026-08-15",
				later + ",孙伟," + TestData.uniqueMobile() + ",上门拜访演示新版系统,2026-08-03 14:30,2026-08-20 09:45", "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.EMPLOYEE, this.company.owner.id()));

		assertThat(done.created()).isEqualTo(2);
		long customer = this.importing.customersNamed(name).get(0);
		long other = this.importing.customersNamed(later).get(0);
		WebSession web = new WebSession(this.port);
		web.logIn(this.company.owner.username(), TestData.PASSWORD);
		String timeline = web.get("/customers/" + customer + "/follow-ups").body();
		assertThat(timeline).contains("2026-08-01").doesNotContain("2026-08-01 00:00");
		assertThat(web.get("/customers/" + other + "/follow-ups").body()).as("a time of day in the file is kept")
			.contains("2026-08-03 14:30");
		String reminders = web.get("/reminders").body();
		assertThat(reminders).contains("约定于 2026-08-15 联系")
			.doesNotContain("2026-08-15 00:00")
			.contains("约定于 2026-08-20 09:45 联系");
		String history = web.get("/customers/" + customer + "/history").body();
		assertThat(history).contains("2026-08-01").doesNotContain("2026-08-01 00:00");
	}

	@Test
	void theHistoryOfAnImportedCustomerSaysWhenItBeganWhenAndByWhomItWasImportedAndItsOwner() {
		String name = TestData.unique("宁波北仑港务") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,跟进内容,跟进时间",
				name + ",郑强," + TestData.uniqueMobile() + ",电话沟通集装箱堆场租赁,2026-08-01", "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));
		Instant before = this.clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.EMPLOYEE, this.company.owner.id()));

		assertThat(done.created()).isEqualTo(1);
		long customer = this.importing.customersNamed(name).get(0);
		String importer = this.organization.displayName(this.company.manager.id());
		String owner = this.organization.displayName(this.company.owner.id());
		BroughtIn origin = this.customers.broughtIn(customer).orElseThrow();
		assertThat(this.clock.dateTime(origin.began())).as("its record began on the row's day")
			.isEqualTo("2026-08-01 00:00");
		assertThat(origin.broughtInAt()).as("brought in at the import, not the row's day").isAfterOrEqualTo(before);
		assertThat(origin.broughtInBy()).isEqualTo(this.company.manager.id());
		assertThat(origin.importId()).isEqualTo(preview.id());
		assertThat(origin.importShown()).as("its importer may open the import").isTrue();
		assertThat(origin.ownerId()).isEqualTo(this.company.owner.id());

		WebSession managers = new WebSession(this.port);
		managers.logIn(this.company.manager.username(), TestData.PASSWORD);
		String page = managers.get("/customers/" + customer + "/history").body();
		assertThat(page).contains("客户 · 在原有系统中建立")
			.contains("客户 · 导入 Holdfast")
			.contains(this.clock.dateTime(origin.broughtInAt()) + " · " + importer)
			.contains("由 " + importer + " 从文件导入")
			.contains("/imports/" + preview.id())
			.contains("负责人：" + owner + "（随导入设定）");
		assertThat(page.indexOf("history-brought-in")).as("newest first: the import above the row's day")
			.isLessThan(page.indexOf("在原有系统中建立"));
		assertThat(page.split("id=\"history-brought-in\"", -1)).as("the import's entry once").hasSize(2);

		WebSession owners = new WebSession(this.port);
		owners.logIn(this.company.owner.username(), TestData.PASSWORD);
		String seenByOwner = owners.get("/customers/" + customer + "/history").body();
		assertThat(seenByOwner).as("the owner sees who imported it, without a link to an import not theirs")
			.contains("由 " + importer + " 从文件导入")
			.contains("导入 #" + preview.id())
			.doesNotContain("history-import-link");
	}

	/**
	 * Insider walk: an imported customer returned to the pool by its owner and claimed by
	 * a rep of another region. Its owner changes withheld that return and what came
	 * before it (docs/work-rules.md), but the brought-in entry (API and page) still named
	 * its owner at the import, the previous owner, and its importer, their manager.
	 */
	@Test
	void anImportedCustomerClaimedFromThePoolNamesNeitherItsOwnerAtTheImportNorItsImporterToTheClaimer() {
		long customer = importedFor(this.company.owner.id());
		this.company.data.returnToPool(this.company.owner, customer);
		Api api = new Api(this.port);
		Api.Response claimed = api.post(this.company.token(this.company.outsider),
				"/api/v1/pool/customers/" + customer + "/claim", Map.of());
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
		String owner = this.organization.displayName(this.company.owner.id());
		String importer = this.organization.displayName(this.company.manager.id());

		Api.Response origin = api.get(this.company.token(this.company.outsider),
				"/api/v1/customers/" + customer + "/history/brought-in");
		assertThat(origin.status()).as(origin.toString()).isEqualTo(200);
		assertThat(origin.raw()).doesNotContain(owner).doesNotContain(importer);
		assertThat(origin.body().get("previousOwnerWithheld").asBoolean()).isTrue();
		assertThat(origin.body().get("ownerId").isNull()).isTrue();
		assertThat(origin.body().get("broughtInBy").isNull()).isTrue();
		WebSession claimer = new WebSession(this.port);
		claimer.logIn(this.company.outsider.username(), TestData.PASSWORD);
		String page = claimer.get("/customers/" + customer + "/history?lang=zh_CN").body();
		assertThat(page).contains("客户 · 导入 Holdfast", "负责人：前任负责人（随导入设定）")
			.doesNotContain(owner)
			.doesNotContain(importer);

		Api.Response admins = api.get(this.company.data.adminToken(),
				"/api/v1/customers/" + customer + "/history/brought-in");
		assertThat(admins.body().get("ownerId").asLong()).as("an administrator still reads it all")
			.isEqualTo(this.company.owner.id());
		assertThat(admins.body().get("broughtInBy").asLong()).isEqualTo(this.company.manager.id());
		assertThat(admins.body().get("previousOwnerWithheld").asBoolean()).isFalse();
	}

	/**
	 * A customer imported by the signed-in employee for this owner, with one follow-up.
	 */
	private long importedFor(long ownerId) {
		String name = TestData.unique("宁波梅山物流") + "有限公司";
		byte[] file = ("客户名称,联系人,手机,跟进内容,跟进时间\r\n" + name + ",钱芳," + TestData.uniqueMobile()
				+ ",电话沟通仓储合同,2026-08-03\r\n")
			.getBytes(StandardCharsets.UTF_8);
		this.importing.commit(this.importing.preview("客户.csv", file).id(),
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.EMPLOYEE, ownerId));
		return this.importing.customersNamed(name).get(0);
	}

	@Test
	void theHistoryOfACustomerImportedIntoThePoolStaysClosedToThePool() {
		String name = TestData.unique("宁波镇海石化") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,跟进内容,跟进时间",
				name + ",冯静," + TestData.uniqueMobile() + ",微信沟通年度检修计划,2026-08-05", "");
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));
		this.importing.commit(preview.id(), new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.POOL, null));
		long customer = this.importing.customersNamed(name).get(0);

		assertThatThrownBy(() -> this.customers.broughtIn(customer))
			.as("the importer too sees a pool customer only through the pool")
			.isInstanceOf(NotFoundException.class);
		SignedIn.as(this.organization, this.company.owner);
		assertThatThrownBy(() -> this.customers.broughtIn(customer)).as("pool viewers get 404 on history, as before")
			.isInstanceOf(NotFoundException.class);
		WebSession owners = new WebSession(this.port);
		owners.logIn(this.company.owner.username(), TestData.PASSWORD);
		assertThat(owners.get("/customers/" + customer + "/history").statusCode()).isEqualTo(404);
	}

	/**
	 * A first row of the company, a chunk less one of other companies, then a second row
	 * of the same company: the last row falls into the next chunk.
	 */
	private String oneCompanyInTwoChunks(String prefix, String company) {
		StringBuilder csv = new StringBuilder("客户名称,联系人,手机,跟进内容,跟进时间\r\n");
		csv.append(company).append(",张三,").append(TestData.uniqueMobile()).append(",电话沟通采购需求,2026-03-02\r\n");
		for (int i = 0; i < this.properties.chunkSize() - 1; i++) {
			csv.append(prefix)
				.append("第")
				.append(i)
				.append("号有限公司,李娜,")
				.append(TestData.uniqueMobile())
				.append(",,\r\n");
		}
		return csv.append(company)
			.append(",李四,")
			.append(TestData.uniqueMobile())
			.append(",上门拜访,2026-03-05\r\n")
			.toString();
	}

	@Test
	void aPromiseInTheFileIsTheOwnersToHandOverNotTheImporters() {
		String name = TestData.unique("宁波北仑港务") + "有限公司";
		String csv = String.join("\r\n", "客户名称,联系人,手机,跟进内容,跟进时间,下次跟进时间",
				name + ",孙强," + TestData.uniqueMobile() + ",约定明年三月上门签约,2026-11-03,2030-03-01", "");
		long owners = this.nextContacts.countBy(this.company.owner.id());
		long importers = this.nextContacts.countBy(this.company.manager.id());
		ImportView preview = this.importing.preview("客户.csv", csv.getBytes(StandardCharsets.UTF_8));

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(DuplicateChoice.SKIP, OwnerChoice.EMPLOYEE, this.company.owner.id()));

		assertThat(done.created()).isEqualTo(1);
		long customer = this.importing.customersNamed(name).get(0);
		assertThat(this.nextContacts.countBy(this.company.owner.id()))
			.as("the owner's open promise, which a handover of theirs lists")
			.isEqualTo(owners + 1);
		assertThat(this.nextContacts.countBy(this.company.manager.id())).isEqualTo(importers);
		assertThat(this.nextContacts.openBy(this.company.owner.id(), List.of(customer))).containsKey(customer);
		assertThat(this.nextContacts.openBy(this.company.manager.id(), List.of(customer))).isEmpty();
	}

	private long createdNamed(String prefix) {
		return this.jdbc.sql("select count(*) from customer where name like ?")
			.param(prefix + "%")
			.query(Long.class)
			.single();
	}

}
