package dev.holdfast.pool;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

/**
 * A region with its own pool (no rules of its own: the company pool's apply), a manager
 * and three reps in a team below it, and a rep of another region who must not see the
 * region's pool.
 */
final class PoolWorld {

	final Api api;

	final TestData data;

	final JdbcClient jdbc;

	final long region;

	final long team;

	final long regionPool;

	final Employee manager;

	final Employee owner;

	final Employee colleague;

	final Employee third;

	final Employee outsider;

	private final Map<Long, String> tokens = new ConcurrentHashMap<>();

	PoolWorld(Api api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
		this.data = new TestData(api);
		this.region = this.data.department(TestData.unique("华东区"), null);
		this.team = this.data.department(TestData.unique("杭州销售组"), this.region);
		long elsewhere = this.data.department(TestData.unique("西南区"), null);
		this.manager = this.data.employee("mgr", this.region, null, "SALES_MANAGER");
		this.owner = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.colleague = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.third = this.data.employee("rep", this.team, this.manager.id(), "SALES");
		this.outsider = this.data.employee("rep", elsewhere, null, "SALES");
		Api.Response pool = api.post(this.data.adminToken(), "/api/v1/pools",
				Map.of("name", TestData.unique("华东公海"), "departmentId", this.region));
		if (pool.status() != 201) {
			throw new AssertionError("pool not created: " + pool);
		}
		this.regionPool = pool.body().get("id").asLong();
	}

	String token(Employee employee) {
		return this.tokens.computeIfAbsent(employee.id(), id -> this.data.token(employee));
	}

	/** A new customer of the rep at the level, with only a one-word follow-up. */
	long customer(Employee rep, String level) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", TestData.unique("宁波海天贸易") + "有限公司");
		body.put("kind", "COMPANY");
		body.put("level", level);
		body.put("industry", "制造业");
		body.put("region", "浙江省宁波市");
		Api.Response created = this.api.post(token(rep), "/api/v1/customers", body);
		if (created.status() != 201) {
			throw new AssertionError("customer not created: " + created);
		}
		long id = created.id();
		Api.Response note = this.api.post(token(rep), "/api/v1/customers/" + id + "/follow-ups",
				Map.of("kind", "CALL", "content", "好"));
		if (note.status() != 201) {
			throw new AssertionError("follow-up not recorded: " + note);
		}
		return id;
	}

	/**
	 * Makes the customer as old as if it had been created, and come to its owner, days
	 * ago.
	 */
	void age(long customerId, int days) {
		this.jdbc.sql("""
				update customer set created_at = created_at - make_interval(days => :days),
				       status_changed_at = status_changed_at - make_interval(days => :days)
				where id = :id""").param("days", days).param("id", customerId).update();
		this.jdbc.sql("""
				update customer_owner_history set changed_at = changed_at - make_interval(days => :days)
				where customer_id = :id""").param("days", days).param("id", customerId).update();
	}

	Long ownerOf(long customerId) {
		return this.jdbc.sql("select owner_id from customer where id = ?")
			.param(customerId)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	/** The owner gives the customer back to the pool by hand. */
	void returnToPool(Employee rep, long customerId) {
		Api.Response returned = this.api.post(token(rep), "/api/v1/customers/" + customerId + "/return-to-pool",
				Map.of("reason", "客户暂无需求"));
		if (returned.status() != 200) {
			throw new AssertionError("not returned: " + returned);
		}
	}

	/** Customers without owner in the company pool, straight into the tables. */
	java.util.List<Long> inCompanyPool(int count) {
		return this.jdbc.sql("""
				with c as (
				    insert into customer (name, normalized_name, kind, level)
				    select n, n, 'PERSON', 'C' from (select :prefix || g as n from generate_series(1, :count) g) names
				    returning id)
				insert into pool_entry (customer_id, pool_id, reason)
				select id, (select id from pool where company_wide), 'test' from c returning customer_id""")
			.param("prefix", TestData.unique("散客"))
			.param("count", count)
			.query(Long.class)
			.list();
	}

	/** Gives the rep this many customers, straight into the table. */
	void own(Employee rep, int count) {
		this.jdbc
			.sql("""
					insert into customer (name, normalized_name, kind, level, owner_id)
					select n, n, 'PERSON', 'A', :owner from (select :prefix || g as n from generate_series(1, :count) g) names""")
			.param("prefix", TestData.unique("老客户"))
			.param("count", count)
			.param("owner", rep.id())
			.update();
	}

}
