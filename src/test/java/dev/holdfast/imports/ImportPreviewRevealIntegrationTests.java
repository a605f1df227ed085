package dev.holdfast.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
import dev.holdfast.customer.masking.ContactReveal;
import dev.holdfast.imports.RowVerdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview as an oracle (issue 13): a file of guesses at a masked number
 * ({@code 138****5678}) is answered "duplicate of customer 42" for the one that is there.
 * Such a hit is a reveal, taken from the importer's quota and audited as one; once the
 * quota is used up, no phone is answered. Attempted as an attacker would.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPreviewRevealIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Imports imports;

	@Autowired
	ContactReveal reveals;

	@TempDir
	Path dir;

	private TestData.Company company;

	private Importing importing;

	/** A customer of the team's rep, with one contact and its phone. */
	private long customer;

	private long contact;

	private String phone;

	@BeforeAll
	void company() {
		this.company = TestData.given(new Api(this.port), this.jdbc).company("华东大区", "杭州一组", "西南大区");
		this.phone = TestData.uniqueMobile();
		this.customer = this.company.data.customerWithContact(this.company.owner, TestData.unique("杭州西湖龙井茶业") + "有限公司",
				"王芳", this.phone);
		this.contact = this.jdbc.sql("select id from contact where customer_id = ?")
			.param(this.customer)
			.query(Long.class)
			.single();
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
	void theOneGuessThatIsThereCostsARevealAuditedWithTheImport() {
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		SignedIn.as(this.jdbc, manager);
		int before = this.reveals.remaining();
		List<String> guesses = guesses(this.phone, 20);
		ImportView preview = this.importing.preview("猜号码.csv", csv(guesses));
		List<ImportRowView> rows = this.importing.rows(preview.id());
		assertThat(rows).filteredOn(r -> r.verdict() == Verdict.DUPLICATE)
			.singleElement()
			.satisfies(r -> assertThat(r.existingCustomerId()).isEqualTo(this.customer))
			.satisfies(r -> assertThat(r.problems()).as("not merged, said at the phone that found it")
				.isEqualTo(java.util.Map.of(2, CellProblem.MERGE_NEEDS_FULL_VIEW)));
		assertThat(this.reveals.remaining()).as("the hit is a reveal").isEqualTo(before - 1);
		assertThat(reveals(manager)).containsExactly(this.contact);
		assertThat(revealsAudited(manager, preview.id())).as("CONTACT_REVEALED names the import").isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'DUPLICATE_REFUSED' and actor_id = ?
				  and details::jsonb ->> 'readable' = 'true'""").param(manager.id()).query(Long.class).single())
			.as("paid as a reveal, not again as a refusal of the duplicate budget")
			.isEqualTo(1);

		ImportView again = this.importing.preview("猜号码.csv", csv(guesses));
		assertThat(this.importing.rows(again.id())).filteredOn(r -> r.verdict() == Verdict.DUPLICATE).hasSize(1);
		assertThat(this.reveals.remaining()).as("a contact revealed today already costs nothing again")
			.isEqualTo(before - 1);
	}

	@Test
	void onceTheQuotaIsUsedUpNoPhoneIsAnsweredFoundOrNot() {
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		String otherPhone = TestData.uniqueMobile();
		long other = this.company.data.customerWithContact(this.company.owner, TestData.unique("宁波港通物流") + "有限公司", "陈静",
				otherPhone);
		SignedIn.as(this.jdbc, manager);
		useRevealsBut(manager, 1);
		String fresh = TestData.uniqueMobile();
		String nameOnly = TestData.unique("绍兴黄酒集团") + "有限公司";
		ImportView preview = this.importing.preview("客户.csv",
				("客户名称,联系人,手机\r\n" + TestData.unique("温州鞋业") + "有限公司,赵伟," + otherPhone + "\r\n"
						+ TestData.unique("嘉兴纺织") + "有限公司,孙丽," + fresh + "\r\n" + TestData.unique("湖州竹业") + "有限公司,周强,"
						+ this.phone + "\r\n" + nameOnly + ",吴敏,\r\n")
					.getBytes(StandardCharsets.UTF_8));
		List<ImportRowView> rows = this.importing.rows(preview.id());
		assertThat(rows).extracting(ImportRowView::verdict)
			.as("the last reveal answers the first hit; then no phone is looked up, a row without one is")
			.containsExactly(Verdict.DUPLICATE, Verdict.UNCHECKED, Verdict.UNCHECKED, Verdict.NEW);
		assertThat(rows.get(0).existingCustomerId()).isEqualTo(other);
		assertThat(rows.get(2).existingCustomerId()).as("the customer found is not named").isNull();
		assertThat(rows.get(1).problems()).containsEntry(2, CellProblem.REVEAL_QUOTA_USED_UP);
		assertThat(rows.get(2).problems())
			.as("a fresh number and a number that is there look the same: neither was looked up")
			.isEqualTo(rows.get(1).problems());
		assertThat(rows.get(1).reasons().get(2)).contains(fresh).containsAnyOf("reveal", "查看");
		assertThat(this.reveals.remaining()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'RATE_LIMITED' and actor_id = ?
				  and details::jsonb ->> 'kind' = 'reveal_quota' and details::jsonb ->> 'importId' = ?""")
			.params(manager.id(), String.valueOf(preview.id()))
			.query(Long.class)
			.single()).as("recorded once").isEqualTo(1);

		this.importing.commit(preview.id(), Importing.skipAndKeep());
		assertThat(this.jdbc
			.sql("select count(*) from contact where phone_index is not null and customer_id in"
					+ " (select id from customer where source = ?)")
			.param("import:" + preview.id())
			.query(Long.class)
			.single()).as("an unchecked row is never created").isZero();
		assertThat(this.importing.customersNamed(nameOnly)).hasSize(1);
	}

	@Test
	void aRowNamingTheCustomerIsClassifiedByTheNameAloneEvenWithTheQuotaUsedUp() {
		// a manager previewing the team's own sheet again: the name decides the row. The
		// manager sees the customer's contacts masked, so a merge may not add to it (the
		// contacts it left out would tell the number): its phones are not looked up, nor
		// those of its further rows, which go as it goes
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		String name = nameOf(this.customer);
		SignedIn.as(this.jdbc, manager);
		useRevealsBut(manager, 0);
		ImportView preview = this.importing.preview("本组客户.csv",
				("客户名称,联系人,手机\r\n" + name + ",王芳," + this.phone + "\r\n" + name + ",王芳助理," + TestData.uniqueMobile()
						+ "\r\n" + name + ",王芳同事,\r\n")
					.getBytes(StandardCharsets.UTF_8));
		List<ImportRowView> rows = this.importing.rows(preview.id());
		assertThat(rows).extracting(ImportRowView::verdict, ImportRowView::existingCustomerId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Verdict.DUPLICATE, this.customer),
					org.assertj.core.groups.Tuple.tuple(Verdict.SAME_CUSTOMER, null),
					org.assertj.core.groups.Tuple.tuple(Verdict.SAME_CUSTOMER, null));
		assertThat(rows).allSatisfy(
				row -> assertThat(row.problems()).as("not merged: the customer is seen masked; said on every row of it")
					.isEqualTo(java.util.Map.of(0, CellProblem.MERGE_NEEDS_FULL_VIEW)));
		assertThat(rows.get(0).reasons().get(0)).contains(name)
			.contains("merging needs full view of the contacts of this customer");
		assertThat(reveals(manager)).isEmpty();
		assertThat(quotaRefusals(manager, preview.id())).as("no phone was to be looked up").isZero();
	}

	/**
	 * The merge's oracle (issue 13, what was left): an importer who may change a customer
	 * whose contacts they see masked ({@code 138****5678}) merges a file of guesses into
	 * it, one guess per file. The merge used to leave out the contact whose phone the
	 * customer had already, so the contacts added told the guess that is there,
	 * uncounted. A merge into a customer seen masked is now a skip: nothing added,
	 * nothing told, no reveal needed, and the rows say why.
	 */
	@Test
	void mergingGuessesIntoACustomerSeenMaskedAddsNothingAndTellsNothing() {
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		String name = nameOf(this.customer);
		// a member of the customer's team who may change it, but sees its phones masked
		this.jdbc.sql("insert into customer_member (customer_id, employee_id, access) values (?, ?, 'WRITE')")
			.params(this.customer, manager.id())
			.update();
		SignedIn.as(this.jdbc, manager);
		int quota = this.reveals.remaining();
		List<String> before = contactsOf(this.customer);
		List<List<Object>> seen = new ArrayList<>();
		for (String guess : guesses(this.phone, 4)) {
			ImportView preview = this.importing.preview("猜一个.csv", ("客户名称,联系人,手机\r\n" + name + ",张伟," + guess + "\r\n"
					+ name + ",李娜," + TestData.uniqueMobile() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			List<ImportRowView> rows = this.importing.rows(preview.id());
			ImportView done = this.importing.commit(preview.id(),
					new ImportChoices(ImportChoices.DuplicateChoice.MERGE, ImportChoices.OwnerChoice.ME, null));
			List<ImportRowView> after = this.importing.rows(preview.id());
			// everything the importer is told of the file, the guess's own cell aside
			seen.add(List.of(rows.stream().map(r -> List.of(r.verdict(), r.problems())).toList(), done.created(),
					done.merged(), done.skipped(), after.stream().map(ImportRowView::outcome).toList()));
			assertThat(after.get(0).outcome()).isEqualTo(RowOutcome.SKIPPED);
		}
		assertThat(seen).as("the guess that is there is answered like every other").containsOnly(seen.get(0));
		assertThat(contactsOf(this.customer)).as("nothing added").isEqualTo(before);
		assertThat(this.reveals.remaining()).as("nothing revealed").isEqualTo(quota);
		assertThat(reveals(manager)).isEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'DUPLICATE_REFUSED' and actor_id = ?
				  and details::jsonb ->> 'field' = 'phone'""").param(manager.id()).query(Long.class).single())
			.as("no phone looked up at all")
			.isZero();
	}

	/**
	 * The honest merge: an importer who sees the customer's contacts in full (a FULL
	 * policy, as a member of its team) merges their sheet into it. The rows' phones are
	 * compared with the customer's own: the contact it has already is left out, a new one
	 * added; nothing is a reveal.
	 */
	@Test
	void anImporterSeeingTheCustomerInFullStillMergesLeavingOutTheContactsItHas() {
		String phone = TestData.uniqueMobile();
		String name = TestData.unique("杭州湾精工") + "有限公司";
		long customer = this.company.data.customerWithContact(this.company.owner, name, "王芳", phone);
		Employee manager = fullViewManager(customer, "WRITE");
		String fresh = TestData.uniqueMobile();
		String another = TestData.uniqueMobile();
		SignedIn.as(this.jdbc, manager);
		int quota = this.reveals.remaining();
		ImportView preview = this.importing.preview("本组客户.csv",
				("客户名称,联系人,手机\r\n" + name + ",王芳," + phone + "\r\n" + name + ",王芳助理," + fresh + "\r\n" + name + ",王芳同事,"
						+ another + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
		List<ImportRowView> rows = this.importing.rows(preview.id());
		assertThat(rows).extracting(ImportRowView::verdict, ImportRowView::problems)
			.as("its own phone compared with the customer's, the new ones looked up")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Verdict.DUPLICATE, java.util.Map.of()),
					org.assertj.core.groups.Tuple.tuple(Verdict.SAME_CUSTOMER, java.util.Map.of()),
					org.assertj.core.groups.Tuple.tuple(Verdict.SAME_CUSTOMER, java.util.Map.of()));
		assertThat(rows.get(0).existingCustomerId()).isEqualTo(customer);

		ImportView done = this.importing.commit(preview.id(),
				new ImportChoices(ImportChoices.DuplicateChoice.MERGE, ImportChoices.OwnerChoice.ME, null));
		assertThat(done.merged()).isEqualTo(3);
		assertThat(this.importing.contactNamesOf(customer)).as("the contact it had left out, the others added")
			.containsExactly("王芳", "王芳助理", "王芳同事");
		assertThat(reveals(manager)).isEmpty();
		assertThat(this.reveals.remaining()).isEqualTo(quota);

		// its own phone is compared, not looked up: no reveal needed, even with the
		// quota used up
		useRevealsBut(manager, 0);
		ImportView again = this.importing.preview("本组客户.csv",
				("客户名称,联系人,手机\r\n" + name + ",王芳," + phone + "\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(this.importing.rows(again.id())).extracting(ImportRowView::verdict, ImportRowView::problems)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Verdict.DUPLICATE, java.util.Map.of()));
	}

	/**
	 * The honest re-upload that the earlier attempt broke (30 duplicates and 1,970 rows
	 * unchecked once the reveal quota ran out): an administrator, who sees every contact
	 * masked, previews a sheet of 200 customers already there, with their phones, the
	 * day's reveals used up. Every row is a duplicate by its name, none unchecked, no
	 * reveal.
	 */
	@Test
	void anAdministratorReUploadingTheirCustomersGetsDuplicatesNotUncheckedRows() {
		Employee administrator = new Employee(
				this.jdbc.sql("select id from employee where username = 'admin'").query(Long.class).single(), "admin");
		SignedIn.as(this.jdbc, administrator);
		String prefix = TestData.unique("重传");
		StringBuilder file = new StringBuilder("客户名称,联系人,手机\r\n");
		for (int i = 0; i < 200; i++) {
			file.append(prefix)
				.append("客户")
				.append(i)
				.append("有限公司,联系人")
				.append(i)
				.append(',')
				.append(TestData.uniqueMobile())
				.append("\r\n");
		}
		byte[] sheet = file.toString().getBytes(StandardCharsets.UTF_8);
		ImportView first = this.importing.preview("客户清单.csv", sheet);
		assertThat(first.fresh()).isEqualTo(200);
		assertThat(this.importing.commit(first.id(), Importing.skipAndKeep()).created()).isEqualTo(200);
		useRevealsBut(administrator, 0);
		List<Long> revealed = reveals(administrator);

		ImportView again = this.importing.preview("客户清单.csv", sheet);
		assertThat(List.of(again.duplicates(), again.invalid(), again.fresh()))
			.as("duplicates, invalid or unchecked, new")
			.containsExactly(200L, 0L, 0L);
		assertThat(this.importing.rows(again.id())).extracting(ImportRowView::verdict).containsOnly(Verdict.DUPLICATE);
		assertThat(reveals(administrator)).as("no reveal charged").isEqualTo(revealed);
		assertThat(quotaRefusals(administrator, again.id())).isZero();
		ImportView skipped = this.importing.commit(again.id(), Importing.skipAndKeep());
		assertThat(List.of(skipped.created(), skipped.merged(), skipped.skipped())).containsExactly(0L, 0L, 200L);
	}

	/**
	 * The oracle of a customer's further rows: a file whose first row names a new company
	 * and whose further rows of that company each carry a guess at a masked number. The
	 * commit leaves out the contact whose phone a customer has already, so the contacts
	 * written would tell the guess that is there, found however often. Each such row's
	 * phones are therefore looked up as shown: the hit is a reveal, and once the quota is
	 * used up the rows are refused unchecked, the number that is there looking like any
	 * other.
	 */
	@Test
	void guessesInFurtherRowsOfOneCustomerAreRevealsAndStopWithTheQuota() {
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		SignedIn.as(this.jdbc, manager);
		useRevealsBut(manager, 1);
		String bait = TestData.unique("金华试探五金") + "有限公司";
		String fresh = TestData.uniqueMobile();
		ImportView preview = this.importing.preview("一家客户.csv",
				("客户名称,联系人,手机\r\n" + bait + ",李娜," + TestData.uniqueMobile() + "\r\n" + bait + ",张伟," + this.phone
						+ "\r\n" + bait + ",刘洋," + fresh + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
		List<ImportRowView> rows = this.importing.rows(preview.id());
		assertThat(rows).extracting(ImportRowView::verdict)
			.as("the first row's phone took no reveal (not found); the hit took the last one; then nothing answered")
			.containsExactly(Verdict.NEW, Verdict.SAME_CUSTOMER, Verdict.UNCHECKED);
		assertThat(this.reveals.remaining()).as("the hit at a customer seen masked is a reveal").isZero();
		assertThat(reveals(manager)).containsExactly(this.contact);
		assertThat(revealsAudited(manager, preview.id())).as("CONTACT_REVEALED names the import").isEqualTo(1);
		assertThat(rows.get(2).problems()).containsEntry(2, CellProblem.REVEAL_QUOTA_USED_UP);

		// the quota used up: the number that is there and a fresh one are answered alike
		String other = TestData.unique("丽水试探竹木") + "有限公司";
		ImportView probing = this.importing.preview("一家客户.csv",
				("客户名称,联系人,手机\r\n" + other + ",李娜,\r\n" + other + ",张伟," + this.phone + "\r\n" + other + ",刘洋,"
						+ TestData.uniqueMobile() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
		List<ImportRowView> probed = this.importing.rows(probing.id());
		assertThat(probed).extracting(ImportRowView::verdict)
			.containsExactly(Verdict.NEW, Verdict.UNCHECKED, Verdict.UNCHECKED);
		assertThat(probed.get(1).problems()).isEqualTo(probed.get(2).problems())
			.containsEntry(2, CellProblem.REVEAL_QUOTA_USED_UP);

		this.importing.commit(probing.id(), Importing.skipAndKeep());
		long created = this.importing.customersNamed(other).get(0);
		assertThat(this.importing.contactNamesOf(created)).as("the unanswered rows add no contact")
			.containsExactly("李娜");
	}

	@Test
	void aManagerOfAnotherRegionLearnsNothingAndPaysNoReveal() {
		SignedIn.as(this.jdbc, this.company.otherManager);
		int before = this.reveals.remaining();
		ImportView preview = this.importing.preview("客户.csv", csv(List.of(this.phone)));
		ImportRowView row = this.importing.rows(preview.id()).get(0);
		assertThat(row.verdict()).isEqualTo(Verdict.DUPLICATE);
		assertThat(row.existingCustomerId()).isNull();
		assertThat(this.reveals.remaining()).as("nothing revealed: the budget's refusal pays").isEqualTo(before);
		assertThat(reveals(this.company.otherManager)).isEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'DUPLICATE_REFUSED' and actor_id = ?
				  and details::jsonb ->> 'importId' = ? and details::jsonb ->> 'readable' is null""")
			.params(this.company.otherManager.id(), String.valueOf(preview.id()))
			.query(Long.class)
			.single()).as("counted against the duplicate budget, as before").isEqualTo(1);
	}

	@Test
	void aPhoneTheImporterSeesInFullCostsNoReveal() {
		Employee manager = fullViewManager(this.customer, "READ");
		SignedIn.as(this.jdbc, manager);
		int before = this.reveals.remaining();
		ImportView preview = this.importing.preview("客户.csv", csv(List.of(this.phone)));
		assertThat(this.importing.rows(preview.id()).get(0).existingCustomerId()).isEqualTo(this.customer);
		assertThat(this.reveals.remaining()).isEqualTo(before);
		assertThat(reveals(manager)).isEmpty();
	}

	/**
	 * A sales manager of the region who sees the phones of this customer's contacts in
	 * full: a FULL policy, and a member of its team with this access.
	 */
	private Employee fullViewManager(long customerId, String access) {
		String full = this.company.data.role("FULL", "号码全显", "SELF", List.of());
		this.jdbc.sql("""
				insert into role_field_policy (role_id, field, policy)
				select id, 'phone', 'FULL' from role where code = ?""").param(full).update();
		Employee manager = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER", full);
		this.jdbc.sql("insert into customer_member (customer_id, employee_id, access) values (?, ?, ?)")
			.params(customerId, manager.id(), access)
			.update();
		return manager;
	}

	private String nameOf(long customerId) {
		return this.jdbc.sql("select name from customer where id = ?").param(customerId).query(String.class).single();
	}

	/** The customer's contacts: id, name and phone's blind index, in order. */
	private List<String> contactsOf(long customerId) {
		return this.jdbc
			.sql("select id || ' ' || name || ' ' || encode(phone_index, 'hex') from contact"
					+ " where customer_id = ? order by id")
			.param(customerId)
			.query(String.class)
			.list();
	}

	private long quotaRefusals(Employee employee, long importId) {
		return this.jdbc.sql("""
				select count(*) from audit_event where action = 'RATE_LIMITED' and actor_id = ?
				  and details::jsonb ->> 'kind' = 'reveal_quota' and details::jsonb ->> 'importId' = ?""")
			.params(employee.id(), String.valueOf(importId))
			.query(Long.class)
			.single();
	}

	/** Leaves the employee this many reveals today, by revealing the test's contact. */
	private void useRevealsBut(Employee employee, int left) {
		int remaining = this.reveals.remaining();
		for (int i = 0; i < remaining - left; i++) {
			this.jdbc.sql("insert into contact_reveal (employee_id, contact_id, field) values (?, ?, 'email')")
				.params(employee.id(), this.contact)
				.update();
		}
		assertThat(this.reveals.remaining()).isEqualTo(left);
	}

	private List<Long> reveals(Employee employee) {
		return this.jdbc.sql("select contact_id from contact_reveal where employee_id = ? and field = 'phone'")
			.param(employee.id())
			.query(Long.class)
			.list();
	}

	private long revealsAudited(Employee employee, long importId) {
		return this.jdbc.sql("""
				select count(*) from audit_event where action = 'CONTACT_REVEALED' and actor_id = ?
				  and target_id = ? and details::jsonb ->> 'importId' = ?""")
			.params(employee.id(), String.valueOf(this.contact), String.valueOf(importId))
			.query(Long.class)
			.single();
	}

	/**
	 * Numbers that fit the same mask as the phone ({@code 138****5678}), the phone itself
	 * among them.
	 */
	private static List<String> guesses(String phone, int count) {
		List<String> guesses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String middle = String.format("%04d", (Integer.parseInt(phone.substring(3, 7)) + 1 + i) % 10000);
			guesses.add(phone.substring(0, 3) + middle + phone.substring(7));
		}
		guesses.add(count / 2, phone);
		return guesses;
	}

	private static byte[] csv(List<String> phones) {
		StringBuilder file = new StringBuilder("客户名称,联系人,手机\r\n");
		for (String phone : phones) {
			file.append(TestData.unique("杭州试探")).append("有限公司,李娜,").append(phone).append("\r\n");
		}
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

}
