package dev.holdfast.customer;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import dev.holdfast.SignedIn;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;
import dev.holdfast.customer.MovedInCustomers.NewCustomer;
import dev.holdfast.customer.MovedInCustomers.Recorded;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.NoticePeriodException;
import dev.holdfast.shared.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Customers whose history began before Holdfast: recorded as of their first day with
 * everything a customer created through the API has (owner history, revision, contacts
 * encrypted and indexed, one audit event each), and refused, as a whole chunk, to anyone
 * who may not import, to an owner the importer may not assign, and for any bad row.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovedInCustomersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovedInCustomers movedIn;

	@Autowired
	OrganizationManagement organization;

	@Autowired
	FieldCipher cipher;

	private Company company;

	private final Instant began = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MICROS);

	@BeforeAll
	void company() {
		this.company = TestData.given(new Api(this.port), this.jdbc).company("华东区", "上海销售一组", "西南区");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aChunkIsRecordedAsOfEachFirstDayWithItsContactsHistoryAndOneAuditEventEach() {
		String phone = TestData.uniqueMobile();
		String email = TestData.unique("Li.Na") + "@XingHe-Trade.cn";
		String name = TestData.unique("上海星河贸易") + "有限公司";
		Instant later = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
		SignedIn.as(this.organization, this.company.manager);
		List<Recorded> recorded = this.movedIn.recordAll(List.of(
				new NewCustomer(company(name), this.company.owner.id(), this.began,
						List.of(contact("李娜", phone, email), contact("王芳", null, null))),
				new NewCustomer(company(TestData.unique("杭州云栖科技") + "有限公司"), null, later, List.of())), "import:7");

		assertThat(recorded).hasSize(2);
		assertThat(recorded.get(0).contactIds()).hasSize(2);
		assertThat(recorded.get(1).contactIds()).isEmpty();
		long id = recorded.get(0).customerId();
		Map<String, Object> customer = row(
				"select name, owner_id, created_at, created_by, level, status_changed_at from customer where id = ?",
				id);
		assertThat(customer).containsEntry("name", name)
			.containsEntry("owner_id", this.company.owner.id())
			.containsEntry("created_by", this.company.manager.id())
			.containsEntry("level", "B");
		assertThat(instant(customer.get("created_at"))).isEqualTo(this.began);
		assertThat(instant(customer.get("status_changed_at")))
			.as("the pool's no-progress clock starts when it is brought in, not on its first day")
			.isAfter(Instant.now().minus(Duration.ofMinutes(5)));
		Map<String, Object> history = row(
				"select old_owner_id, new_owner_id, kind, changed_at, changed_by from customer_owner_history where customer_id = ?",
				id);
		assertThat(history).containsEntry("new_owner_id", this.company.owner.id())
			.containsEntry("kind", "IMPORTED")
			.containsEntry("changed_by", this.company.manager.id());
		assertThat(history.get("old_owner_id")).isNull();
		assertThat(instant(history.get("changed_at"))).isEqualTo(this.began);
		Map<String, Object> revision = row(
				"select version, change, changed_at, snapshot::text as snapshot from customer_revision where customer_id = ?",
				id);
		assertThat(revision).containsEntry("version", 0L).containsEntry("change", "IMPORTED");
		assertThat(instant(revision.get("changed_at"))).isEqualTo(this.began);
		assertThat((String) revision.get("snapshot")).contains(name).doesNotContain("南京西路");
		assertThat(count("select count(*) from contact where customer_id = ? and created_at = ?", id,
				Timestamp.from(this.began)))
			.isEqualTo(2);
		assertThat(count("select count(*) from contact_revision where customer_id = ? and changed_at = ?", id,
				Timestamp.from(this.began)))
			.isEqualTo(2);

		long pooled = recorded.get(1).customerId();
		assertThat(row("select pool_id from pool_entry where customer_id = ? and left_at is null", pooled))
			.as("without an owner, in the pool of the importer's department, in the same transaction")
			.containsEntry("pool_id",
					row("select pool_for_employee(?) as pool", this.company.manager.id()).get("pool"));
		assertThat(row("select owner_id from customer where id = ?", pooled).get("owner_id")).isNull();
		assertThat(row("select new_owner_id, changed_at from customer_owner_history where customer_id = ?", pooled))
			.containsEntry("new_owner_id", null)
			.containsEntry("changed_at", Timestamp.from(later));

		List<Map<String, Object>> events = this.jdbc
			.sql("select action, actor_id, details::text as details, occurred_at from audit_event "
					+ "where target_type = 'customer' and target_id in (?, ?) order by id")
			.params(String.valueOf(id), String.valueOf(pooled))
			.query()
			.listOfRows();
		assertThat(events).hasSize(2).allSatisfy(event -> {
			assertThat(event).containsEntry("action", "CUSTOMER_IMPORTED")
				.containsEntry("actor_id", this.company.manager.id());
			assertThat((String) event.get("details")).contains("\"source\":\"import:7\"");
			assertThat(instant(event.get("occurred_at"))).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
		});
		assertThat((String) events.get(0).get("details")).contains("\"contacts\":2")
			.contains(this.began.toString())
			.doesNotContain(phone);
	}

	@Test
	void importedContactsAreEncryptedAndIndexedAsTheApiDoesSoTheDuplicateCheckFindsThem() {
		String phone = TestData.uniqueMobile();
		String email = TestData.unique("Zhang.Wei") + "@Example.cn";
		SignedIn.as(this.organization, this.company.manager);
		Recorded recorded = this.movedIn
			.recordAll(List.of(new NewCustomer(company(TestData.unique("南京钟山化工") + "有限公司"), this.company.owner.id(),
					this.began, List.of(contact("张伟", phone, email)))), "import:8")
			.get(0);
		SecurityContextHolder.clearContext();

		Map<String, Object> stored = row("select * from contact where id = ?", recorded.contactIds().get(0));
		assertThat(this.cipher.decrypt((byte[]) stored.get("phone_encrypted"), EncryptedColumns.CONTACT_PHONE))
			.isEqualTo(phone);
		assertThat((byte[]) stored.get("phone_index")).isEqualTo(this.cipher.blindIndex("phone", "+86" + phone));
		assertThat((byte[]) stored.get("email_index"))
			.isEqualTo(this.cipher.blindIndex("email", email.toLowerCase(java.util.Locale.ROOT)));
		assertThat(stored.values()).noneMatch(v -> v instanceof String s && (s.contains(phone) || s.contains(email)));

		Api api = new Api(this.port);
		String owner = this.company.token(this.company.owner);
		long another = this.company.customerOf(this.company.owner);
		Api.Response duplicate = api.post(owner, "/api/v1/customers/" + another + "/contacts",
				Map.of("name", "张伟", "phone", phone));
		assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(409);
		Api.Response contacts = api.get(owner, "/api/v1/customers/" + recorded.customerId() + "/contacts");
		assertThat(contacts.status()).isEqualTo(200);
		assertThat(contacts.body().get(0).get("name").asString()).isEqualTo("张伟");
	}

	@Test
	void onlyThoseWhoMayImportAndAreNotServingNotice() {
		NewCustomer one = new NewCustomer(company(TestData.unique("苏州工业园") + "有限公司"), null, this.began, List.of());
		SignedIn.as(this.organization, this.company.owner);
		assertThatThrownBy(() -> this.movedIn.recordAll(List.of(one), "import:9"))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("customer.import");

		Employee leaving = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		this.company.data.leaving(leaving);
		SignedIn.as(this.organization, leaving);
		assertThatThrownBy(() -> this.movedIn.recordAll(List.of(one), "import:9"))
			.isInstanceOf(NoticePeriodException.class);
		assertThat(count("select count(*) from customer where name = ?", one.customer().name())).isZero();
	}

	@Test
	void anOwnerOutsideTheImportersScopeOrWhoMayNotOwnCustomersIsRefusedAtTheRow() {
		Employee hr = this.company.hr();
		String good = TestData.unique("宁波港口物流") + "有限公司";
		SignedIn.as(this.organization, this.company.manager);
		assertThatThrownBy(() -> this.movedIn.recordAll(
				List.of(new NewCustomer(company(good), this.company.colleague.id(), this.began, List.of()),
						new NewCustomer(company(TestData.unique("成都天府软件") + "有限公司"), this.company.outsider.id(),
								this.began, List.of()),
						new NewCustomer(company(TestData.unique("合肥科大讯联") + "有限公司"), hr.id(), this.began, List.of())),
				"import:10"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fields()).containsOnlyKeys("customers[1].ownerId", "customers[2].ownerId")
						.containsEntry("customers[1].ownerId", "the employee is outside your data scope")
						.hasEntrySatisfying("customers[2].ownerId",
								m -> assertThat(m).contains("may not own customers")));
		assertThat(count("select count(*) from customer where name = ?", good)).as("nothing of the chunk").isZero();
	}

	@Test
	void aBadRowRefusesTheWholeChunkNamingItsIndexAndField() {
		String first = TestData.unique("无锡太湖纺织") + "有限公司";
		SignedIn.as(this.organization, this.company.manager);
		NewCustomer good = new NewCustomer(company(first), this.company.owner.id(), this.began,
				List.of(contact("赵敏", TestData.uniqueMobile(), null)));
		assertThatThrownBy(() -> this.movedIn.recordAll(List.of(good,
				new NewCustomer(company(" "), this.company.owner.id(), this.began,
						List.of(contact("钱进", "12345", "qianjin@"))),
				new NewCustomer(company(TestData.unique("温州鞋业") + "有限公司"), this.company.owner.id(),
						Instant.now().plus(Duration.ofDays(2)), List.of())),
				"import:11"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fields()).containsOnlyKeys("customers[1].customer.name",
							"customers[1].contacts[0].phone", "customers[1].contacts[0].email", "customers[2].since"));

		String taken = TestData.unique("常州恒力机械") + "有限公司";
		this.movedIn.recordAll(List.of(new NewCustomer(company(taken), this.company.owner.id(), this.began, List.of())),
				"import:12");
		assertThatThrownBy(
				() -> this.movedIn
					.recordAll(List.of(good,
							new NewCustomer(company(taken.replace("有限公司", "股份有限公司")), this.company.owner.id(),
									this.began, List.of())),
							"import:13"))
			.isInstanceOfSatisfying(ConflictException.class, ex -> {
				assertThat(ex.error()).isEqualTo("duplicate_name");
				assertThat(ex.details()).containsEntry("row", 1);
			});
		assertThat(count("select count(*) from customer where name = ?", first)).as("the good row of either chunk")
			.isZero();
	}

	@Test
	void contactsAreAddedToACustomerTheImporterMayWriteAndToNoOther() {
		long mine = this.company.customerOf(this.company.owner);
		SignedIn.as(this.organization, this.company.manager);
		List<Long> ids = this.movedIn.addContacts(mine,
				List.of(contact("孙丽", TestData.uniqueMobile(), null), contact("周强", null, "zhouqiang@example.cn")),
				this.began, "import:14");
		assertThat(ids).hasSize(2);
		assertThat(count("select count(*) from contact where customer_id = ? and created_at = ?", mine,
				Timestamp.from(this.began)))
			.isEqualTo(2);
		assertThat(count("select count(*) from audit_event where action = 'CONTACTS_IMPORTED' and target_id = ?",
				String.valueOf(mine)))
			.isEqualTo(1);
		assertThatThrownBy(() -> this.movedIn.addContacts(mine, List.of(contact("吴刚", null, null)),
				Instant.now().plus(Duration.ofDays(1)), "import:14"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fields()).containsOnlyKeys("since"));

		long elsewhere = this.company.customerOf(this.company.outsider);
		assertThatThrownBy(
				() -> this.movedIn.addContacts(elsewhere, List.of(contact("郑义", null, null)), this.began, "import:15"))
			.isInstanceOf(NotFoundException.class);

		String readOnly = this.company.data.role("IMPORTER", "只读导入", "DEPARTMENT_TREE", List.of("customer.import"));
		Employee reader = this.company.data.employee("imp", this.company.region, null, readOnly);
		SignedIn.as(this.organization, reader);
		assertThatThrownBy(
				() -> this.movedIn.addContacts(mine, List.of(contact("冯刚", null, null)), this.began, "import:16"))
			.isInstanceOf(ForbiddenException.class);
		assertThat(count("select count(*) from contact where customer_id = ?", mine)).isEqualTo(2);
	}

	private static CustomerForm company(String name) {
		return new CustomerForm(name, CustomerKind.COMPANY, CustomerLevel.B, "贸易", "老客户", "上海市", "上海市静安区南京西路1266号",
				null, CustomerStatus.FOLLOWING, null);
	}

	private static ContactForm contact(String name, String phone, String email) {
		return new ContactForm(name, "采购经理", phone, email, null, null, Gender.FEMALE, null, null);
	}

	private Map<String, Object> row(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query().singleRow();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static Instant instant(Object timestamp) {
		return ((Timestamp) timestamp).toInstant();
	}

}
