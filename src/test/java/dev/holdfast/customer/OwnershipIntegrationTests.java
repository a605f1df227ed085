package dev.holdfast.customer;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.customer.Portfolios.Holding;
import dev.holdfast.customer.Portfolios.Move;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Ownership} is the one writer of owners (issue 12): a release to the pool, a
 * claim from it and a handover each change owner and version, leave one ownership history
 * row of the same shape (old owner, new owner, actor, reason, kind) and treat the team as
 * the pool and the handover always did; a move that lost a race changes nothing.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnershipIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ownership ownership;

	private Company company;

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port)).company("华东区", "杭州销售二组", "西南区");
	}

	@Test
	void aReleaseAClaimAndAHandoverEachLeaveOneHistoryRowOfTheSameShape() {
		long id = this.company.customerOf(this.company.owner);
		long owner = this.company.owner.id();
		long colleague = this.company.colleague.id();
		long manager = this.company.manager.id();
		member(id, colleague);
		long version = version(id);

		assertThat(this.ownership.release(id, owner, "客户长期未跟进", manager)).isTrue();
		assertThat(ownerOf(id)).isNull();
		assertThat(activeMember(id, colleague)).as("a release keeps the team").isTrue();

		assertThat(this.ownership.claim(id, colleague, OwnerChangeKind.CLAIM, "claimed from the pool", colleague))
			.isTrue();
		assertThat(ownerOf(id)).isEqualTo(colleague);
		assertThat(activeMember(id, colleague)).as("the new owner's own membership ends").isFalse();

		List<Holding> moved = this.ownership.reassign(colleague, List.of(new Move(id, owner)), OwnerChangeKind.HANDOVER,
				"offboarding case 1", manager);
		assertThat(moved).extracting(Holding::customerId).containsExactly(id);
		assertThat(ownerOf(id)).isEqualTo(owner);
		assertThat(version(id)).as("each move raises the version").isEqualTo(version + 3);

		assertThat(history(id)).containsExactly(row(owner, null, manager, "客户长期未跟进", "POOL_RETURN"),
				row(null, colleague, colleague, "claimed from the pool", "CLAIM"),
				row(colleague, owner, manager, "offboarding case 1", "HANDOVER"));
	}

	@Test
	void aMoveThatLostTheRaceChangesNothing() {
		long id = this.company.customerOf(this.company.owner);
		long owner = this.company.owner.id();
		long colleague = this.company.colleague.id();
		long before = history(id).size();
		long version = version(id);

		assertThat(this.ownership.claim(id, colleague, OwnerChangeKind.CLAIM, "claimed", colleague))
			.as("the customer has an owner")
			.isFalse();
		assertThat(this.ownership.release(id, colleague, "not the owner", colleague)).isFalse();
		assertThat(this.ownership.reassign(colleague, List.of(new Move(id, colleague)), OwnerChangeKind.HANDOVER,
				"offboarding case 2", null))
			.isEmpty();

		assertThat(ownerOf(id)).isEqualTo(owner);
		assertThat(version(id)).isEqualTo(version);
		assertThat(history(id)).hasSize((int) before);
	}

	private void member(long customerId, long employeeId) {
		this.jdbc
			.sql("insert into customer_member (customer_id, employee_id, access, added_by) values (?, ?, 'READ', ?)")
			.params(customerId, employeeId, this.company.manager.id())
			.update();
	}

	private boolean activeMember(long customerId, long employeeId) {
		return this.jdbc
			.sql("""
					select count(*) from customer_member where customer_id = ? and employee_id = ? and removed_at is null""")
			.params(customerId, employeeId)
			.query(Long.class)
			.single() > 0;
	}

	private Long ownerOf(long customerId) {
		return this.jdbc.sql("select owner_id from customer where id = ?")
			.param(customerId)
			.query(Long.class)
			.list()
			.get(0);
	}

	private long version(long customerId) {
		return this.jdbc.sql("select version from customer where id = ?").param(customerId).query(Long.class).single();
	}

	private List<Map<String, Object>> history(long customerId) {
		return this.jdbc.sql("""
				select old_owner_id, new_owner_id, changed_by, reason, kind, changed_at is not null as dated
				from customer_owner_history where customer_id = ? and kind <> 'CREATED' order by id""")
			.param(customerId)
			.query()
			.listOfRows();
	}

	private static Map<String, Object> row(Long oldOwner, Long newOwner, Long by, String reason, String kind) {
		Map<String, Object> row = new java.util.LinkedHashMap<>();
		row.put("old_owner_id", oldOwner);
		row.put("new_owner_id", newOwner);
		row.put("changed_by", by);
		row.put("reason", reason);
		row.put("kind", kind);
		row.put("dated", true);
		return row;
	}

}
