package dev.holdfast.followup;

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
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.SignedIn;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.customer.CustomerForm;
import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.MovedInCustomers;
import dev.holdfast.customer.MovedInCustomers.NewCustomer;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Follow-ups that happened before Holdfast: dated as they happened, audited now as
 * back-dated, moving the customer's clock forward only; refused as a whole to anyone who
 * may not import or write the customer, and for any bad row.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastFollowUpsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PastFollowUps past;

	@Autowired
	MovedInCustomers movedIn;

	@Autowired
	OrganizationManagement organization;

	@Autowired
	TransactionTemplate transaction;

	private Company company;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	@BeforeAll
	void company() {
		this.company = TestData.given(new Api(this.port), this.jdbc).company("华中区", "武汉销售一组", "东北区");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void recordedAsOfTheirDayAuditedAsBackdatedAndTheClockMovesOnlyForward() {
		long customer = this.company.customerOf(this.company.owner);
		long contact = this.company.data.contactAs(this.company.token(this.company.owner), customer);
		Instant early = ago(100);
		Instant latest = ago(50);
		SignedIn.as(this.organization, this.company.manager);
		List<Long> ids = this.past.recordAll(List.of(
				new PastFollowUp(customer, contact, this.company.owner.id(), FollowUpKind.CALL,
						"与客户沟通报价事宜，客户表示有兴趣，下周再跟进。", early, early.plus(Duration.ofDays(7))),
				new PastFollowUp(customer, null, this.company.owner.id(), FollowUpKind.VISIT, "上门拜访", latest, null),
				new PastFollowUp(customer, null, this.company.owner.id(), FollowUpKind.CALL, "未接通", ago(10), null)),
				"import:21");

		assertThat(ids).hasSize(3);
		Map<String, Object> first = this.jdbc.sql("select * from follow_up where id = ?")
			.param(ids.get(0))
			.query()
			.singleRow();
		assertThat(first).containsEntry("customer_id", customer)
			.containsEntry("contact_id", contact)
			.containsEntry("author_id", this.company.owner.id())
			.containsEntry("created_at", Timestamp.from(early))
			.containsEntry("next_contact_at", Timestamp.from(early.plus(Duration.ofDays(7))))
			.containsEntry("substantive", true);
		assertThat(lastFollowedUp(customer)).as("the latest that counts: the visit, not the one-word call")
			.isEqualTo(latest);
		List<String> events = this.jdbc
			.sql("select details from audit_event where action = 'FOLLOW_UP_CREATED' and target_id in (?, ?, ?)")
			.params(String.valueOf(ids.get(0)), String.valueOf(ids.get(1)), String.valueOf(ids.get(2)))
			.query(String.class)
			.list();
		assertThat(events).hasSize(3)
			.allSatisfy(details -> assertThat(details).contains("\"backdated\":true", "\"source\":\"import:21\""));

		this.company.data.followUp(this.company.owner, customer, "VISIT", "今天上门拜访客户");
		Instant today = lastFollowedUp(customer);
		SignedIn.as(this.organization, this.company.manager);
		this.past.recordAll(List.of(new PastFollowUp(customer, null, this.company.owner.id(), FollowUpKind.MEETING,
				"年度框架协议会谈", ago(5), null)), "import:22");
		assertThat(lastFollowedUp(customer)).as("never moved back").isEqualTo(today);
	}

	@Test
	void aCustomerBroughtIntoThePoolTakesItsFollowUpsInTheSameTransactionOnly() {
		SignedIn.as(this.organization, this.company.manager);
		long pooled = this.transaction.execute(status -> {
			long id = this.movedIn
				.recordAll(List
					.of(new NewCustomer(company(TestData.unique("武汉光谷电子") + "有限公司"), null, ago(300), List.of())),
						"import:23")
				.get(0)
				.customerId();
			this.past.recordAll(List.of(new PastFollowUp(id, null, this.company.owner.id(), FollowUpKind.VISIT,
					"上门拜访，了解需求", ago(200), null)), "import:23");
			return id;
		});
		assertThat(lastFollowedUp(pooled)).isEqualTo(ago(200));
		assertThatThrownBy(() -> this.past.recordAll(List
			.of(new PastFollowUp(pooled, null, this.company.owner.id(), FollowUpKind.CALL, "电话回访", ago(100), null)),
				"import:24"))
			.as("in the pool the importer sees it, but may not write it")
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void refusedToWhoMayNotImportOrWriteTheCustomerAndForAnyBadRow() {
		long customer = this.company.customerOf(this.company.owner);
		long otherCustomer = this.company.customerOf(this.company.colleague);
		long elsewhere = this.company.customerOf(this.company.outsider);
		long foreignContact = this.company.data.contactAs(this.company.token(this.company.colleague), otherCustomer);
		PastFollowUp good = new PastFollowUp(customer, null, this.company.owner.id(), FollowUpKind.CALL, "电话沟通", ago(3),
				null);

		SignedIn.as(this.organization, this.company.owner);
		assertThatThrownBy(() -> this.past.recordAll(List.of(good), "import:25")).isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("customer.import");

		SignedIn.as(this.organization, this.company.manager);
		assertThatThrownBy(() -> this.past.recordAll(List.of(good,
				new PastFollowUp(elsewhere, null, this.company.outsider.id(), FollowUpKind.CALL, "电话沟通", ago(3), null)),
				"import:26"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.past.recordAll(List.of(good,
				new PastFollowUp(customer, foreignContact, this.company.owner.id(), FollowUpKind.CALL, " ",
						this.now.plus(Duration.ofDays(1)), null),
				new PastFollowUp(customer, null, -1, null, "电话沟通", ago(3), null)), "import:27"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fields()).containsOnlyKeys("followUps[1].contactId", "followUps[1].content",
							"followUps[1].at", "followUps[2].authorId", "followUps[2].kind"));
		assertThat(this.jdbc.sql("select count(*) from follow_up where customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single()).as("all or nothing").isZero();
	}

	private Instant ago(int days) {
		return this.now.minus(Duration.ofDays(days));
	}

	private Instant lastFollowedUp(long customer) {
		return this.jdbc.sql("select last_followed_up_at from customer_directory where id = ?")
			.param(customer)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private static CustomerForm company(String name) {
		return new CustomerForm(name, CustomerKind.COMPANY, null, null, null, "湖北省武汉市", null, null, null, null);
	}

}
