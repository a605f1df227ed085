package dev.holdfast;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one test-data builder: departments, employees, roles, customers, contacts,
 * follow-ups and pools, made through the API as the administrator or as the employee
 * concerned, with unique names, so that tests sharing one database never collide;
 * {@link #company} gives the usual cast of a sales region. Straight SQL only where the
 * path through the services is tested elsewhere and a test needs what no service makes
 * (the past, thousands of rows): {@link #age}, {@link #own}, {@link #inCompanyPool}.
 * <pre>
 * TestData data = TestData.given(api, jdbc);
 * Company company = data.company("华南区", "深圳销售一组", "华北区");
 * long customer = data.customerOf(company.owner);
 * </pre>
 */
public final class TestData {

	public static final String ADMIN_PASSWORD = "chief-password-for-tests";

	public static final String PASSWORD = "password-for-tests";

	private static final AtomicLong counter = new AtomicLong(System.nanoTime() % 1_000_000);

	private static final AtomicLong mobiles = new AtomicLong(ThreadLocalRandom.current().nextLong(50_000_000L));

	/** The company's zone in tests: the default of {@code holdfast.zone}. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Api api;

	private final JdbcClient jdbc;

	private final String adminToken;

	public TestData(Api api) {
		this(api, null);
	}

	private TestData(Api api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
		this.adminToken = api.login("admin", ADMIN_PASSWORD);
	}

	/** A builder that makes everything through the API. */
	public static TestData given(Api api) {
		return new TestData(api, null);
	}

	/** A builder that may also write the past and bulk rows with SQL. */
	public static TestData given(Api api, JdbcClient jdbc) {
		return new TestData(api, jdbc);
	}

	/**
	 * The company's today, which the JVM's (UTC in tests, like a container) is not from
	 * 16:00 UTC on.
	 */
	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static String unique(String prefix) {
		return prefix + counter.incrementAndGet();
	}

	/**
	 * A mainland mobile number no other test uses: the tests of one run share a database,
	 * and a contact's phone is refused as a duplicate there.
	 */
	public static String uniqueMobile() {
		return "139" + String.format("%08d", mobiles.incrementAndGet() % 100_000_000L);
	}

	/** The fields of a company customer of the given name, level A, in Shenzhen. */
	public static Map<String, Object> customerFields(String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("kind", "COMPANY");
		body.put("level", "A");
		body.put("region", "广东省深圳市");
		body.put("address", "深圳市南山区科技园南路18号");
		return body;
	}

	/** The id of what the answer created; fails unless it is 201. */
	public static long created(Api.Response response) {
		check(response, 201);
		return response.id();
	}

	public static void check(Api.Response response, int status) {
		if (response.status() != status) {
			throw new AssertionError("expected " + status + " but got " + response);
		}
	}

	public Api api() {
		return this.api;
	}

	public String adminToken() {
		return this.adminToken;
	}

	/** A sales region with its usual cast (see {@link Company}). */
	public Company company(String region, String team, String elsewhere) {
		return new Company(this, region, team, elsewhere);
	}

	public long department(String name, Long parentId) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", unique(name));
		body.put("parentId", parentId);
		return created(this.api.post(this.adminToken, "/api/v1/departments", body));
	}

	/**
	 * An employee with a unique username starting with the prefix; returns id and
	 * username.
	 */
	public Employee employee(String prefix, Long departmentId, Long managerId, String... roles) {
		String username = unique(prefix);
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("displayName", "测试" + username);
		body.put("password", PASSWORD);
		body.put("departmentId", departmentId);
		body.put("managerId", managerId);
		body.put("roles", List.of(roles));
		return new Employee(created(this.api.post(this.adminToken, "/api/v1/employees", body)), username);
	}

	/** A role of the data scope with the permissions, under a unique code; its code. */
	public String role(String prefix, String name, String dataScope, List<String> permissions) {
		String code = unique(prefix);
		created(this.api.post(this.adminToken, "/api/v1/roles",
				Map.of("code", code, "name", name + " " + code, "dataScope", dataScope, "permissions", permissions)));
		return code;
	}

	/**
	 * A role of its own for employees who must sign an agreement (SELF, no permissions):
	 * an agreement for a built-in role would close customer data to every other test
	 * sharing the database. Its code.
	 */
	public String agreementRole() {
		return role("NDA", "签保密协议", "SELF", List.of());
	}

	/** A confidentiality agreement for the role, drafted by HR; its id. */
	public long agreement(Employee hr, String title, String role) {
		return created(this.api.post(token(hr), "/api/v1/agreements", Map.of("titleZh", title + "保密协议", "titleEn",
				title + " confidentiality agreement", "roles", List.of(role))));
	}

	/**
	 * A version of the agreement published by HR, with the grace period and non-compete
	 * months (null: none); its id.
	 */
	public long publish(Employee hr, long agreementId, int graceDays, Integer nonCompeteMonths) {
		Map<String, Object> body = new HashMap<>();
		body.put("textZh", "员工应对公司客户资料、联系方式、报价保密。");
		body.put("textEn", "The employee keeps the company's customer data, contacts and prices confidential.");
		body.put("scope", "客户名单、联系人、跟进记录 customer lists, contacts, follow-ups");
		body.put("graceDays", graceDays);
		if (nonCompeteMonths != null) {
			body.put("nonCompeteText", "离职后不得为竞争对手工作。");
			body.put("nonCompeteMonths", nonCompeteMonths);
		}
		return created(this.api.post(token(hr), "/api/v1/agreements/" + agreementId + "/versions", body));
	}

	/** The employee's status set to LEAVING by the administrator. */
	public void leaving(Employee employee) {
		check(this.api.patch(this.adminToken, "/api/v1/employees/" + employee.id(), Map.of("status", "LEAVING")), 200);
	}

	/**
	 * Waits until the departure's listener (after its commit) has started the employee's
	 * post-departure watch: a complaint or canary hit heard before that is left to the
	 * watch's daily job, which tests do not run.
	 */
	public void watchStarted(Employee employee) {
		Eventually.value("the departure starts the watch of " + employee.username(),
				() -> this.api.get(this.adminToken, "/api/v1/departure-watches/" + employee.id()).status(),
				status -> status == 200);
	}

	/** A fresh API token of the employee (each call logs in). */
	public String token(Employee employee) {
		return this.api.login(employee.username(), PASSWORD);
	}

	/** A new customer of the employee, level A, with a unique name. */
	public long customerOf(Employee owner) {
		return customer(owner, customerFields(unique("杭州测试") + "有限公司"));
	}

	/**
	 * A new customer of the employee with a history: a contact with a phone number (every
	 * view shows it masked) and a visit.
	 */
	public CustomerWithHistory customerWithHistory(Employee owner) {
		long id = customer(owner, customerFields(unique("广州明珠电子") + "有限公司"));
		String phone = uniqueMobile();
		long contact = contact(owner, id, Map.of("name", "李娜", "phone", phone, "email", "lina@example.cn"));
		long followUp = followUp(owner, id, "VISIT", "上门拜访，了解了明年的采购计划");
		return new CustomerWithHistory(id, contact, phone, followUp);
	}

	/** A new company customer of the employee at the level, with a unique name. */
	public long customerOf(Employee owner, String level) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", unique("苏州工业园精密机械") + "有限公司");
		body.put("kind", "COMPANY");
		body.put("level", level);
		body.put("region", "江苏省苏州市");
		return customer(owner, body);
	}

	/** A new customer of the employee at the level, with only a one-word follow-up. */
	public long customerWithOneWordFollowUp(Employee owner, String level) {
		long id = customerOf(owner, level);
		followUp(owner, id, "CALL", "好");
		return id;
	}

	/** The owner gives the customer back to the pool by hand. */
	public void returnToPool(Employee owner, long customerId) {
		check(this.api.post(token(owner), "/api/v1/customers/" + customerId + "/return-to-pool",
				Map.of("reason", "客户暂无需求")), 200);
	}

	/** A new customer of the employee with these fields. */
	public long customer(Employee owner, Map<String, Object> fields) {
		return created(this.api.post(token(owner), "/api/v1/customers", fields));
	}

	/**
	 * A new customer (level B, in Chengdu) created with the token, for a test that holds
	 * a token rather than an employee.
	 */
	public long customerAs(String token) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", unique("成都天府软件") + "有限公司");
		body.put("kind", "COMPANY");
		body.put("level", "B");
		body.put("region", "四川省成都市");
		body.put("address", "成都市高新区天府大道中段1388号");
		return created(this.api.post(token, "/api/v1/customers", body));
	}

	/** A contact with a unique mobile number, added with the token. */
	public long contactAs(String token, long customerId) {
		return created(this.api.post(token, "/api/v1/customers/" + customerId + "/contacts",
				Map.of("name", "王芳", "phone", uniqueMobile())));
	}

	/** A contact of the customer, added by the employee. */
	public long contact(Employee by, long customerId, Map<String, Object> fields) {
		return created(this.api.post(token(by), "/api/v1/customers/" + customerId + "/contacts", fields));
	}

	/**
	 * A company customer of the employee in Shanghai with one contact (a purchasing
	 * manager with phone, e-mail and address); the customer's id.
	 */
	public long customerWithContact(Employee owner, String name, String contact, String phone) {
		long id = customer(owner, Map.of("name", name, "kind", "COMPANY", "level", "A", "region", "上海市"));
		contact(owner, id, Map.of("name", contact, "phone", phone, "email", "c" + phone + "@example.cn", "title",
				"采购经理", "address", "上海市浦东新区张江路" + phone.substring(7) + "号"));
		return id;
	}

	/** A follow-up of the kind (CALL, VISIT, ...) recorded by the employee. */
	public long followUp(Employee by, long customerId, String kind, String content) {
		return created(this.api.post(token(by), "/api/v1/customers/" + customerId + "/follow-ups",
				Map.of("kind", kind, "content", content)));
	}

	/** A public pool of the department, with a unique name; its id. */
	public long pool(String name, long departmentId) {
		return created(this.api.post(this.adminToken, "/api/v1/pools",
				Map.of("name", unique(name), "departmentId", departmentId)));
	}

	/**
	 * Makes the customer as old as if it had been created, and come to its owner, days
	 * ago (SQL: no service writes the past).
	 */
	public void age(long customerId, int days) {
		jdbc().sql("""
				update customer set created_at = created_at - make_interval(days => :days),
				       status_changed_at = status_changed_at - make_interval(days => :days)
				where id = :id""").param("days", days).param("id", customerId).update();
		jdbc().sql("""
				update customer_owner_history set changed_at = changed_at - make_interval(days => :days)
				where customer_id = :id""").param("days", days).param("id", customerId).update();
	}

	/**
	 * The customer was created, and so came to its owner, at the instant (SQL: no service
	 * writes the past).
	 */
	public void assignedAt(long customerId, Instant at) {
		jdbc().sql("update customer set created_at = ? where id = ?").params(Timestamp.from(at), customerId).update();
		jdbc().sql("update customer_owner_history set changed_at = ? where customer_id = ?")
			.params(Timestamp.from(at), customerId)
			.update();
	}

	/** The customer was last followed up at the instant (null: never). */
	public void lastFollowedUpAt(long customerId, Instant at) {
		jdbc().sql("update customer set last_followed_up_at = ? where id = ?")
			.params(at == null ? null : Timestamp.from(at), customerId)
			.update();
	}

	/** The follow-up was recorded at the instant. */
	public void followUpAt(long followUpId, Instant at) {
		jdbc().sql("update follow_up set created_at = ? where id = ?").params(Timestamp.from(at), followUpId).update();
	}

	/**
	 * A change of the customer's owner of the kind (TRANSFER, CLAIM, POOL_RETURN, ...) at
	 * the instant, in its history alone.
	 */
	public void ownerChange(long customerId, Long from, Long to, String kind, Instant at) {
		jdbc().sql("""
				insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_at, reason, kind)
				values (?, ?, ?, ?, '测试', ?)""").params(customerId, from, to, Timestamp.from(at), kind).update();
	}

	/** The customer's owner as the table holds it (null: none). */
	public Long ownerOf(long customerId) {
		return jdbc().sql("select owner_id from customer where id = ?")
			.param(customerId)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	/**
	 * This many customers without owner in the company pool, straight into the tables.
	 */
	public List<Long> inCompanyPool(int count) {
		return jdbc().sql("""
				with c as (
				    insert into customer (name, normalized_name, kind, level)
				    select n, n, 'PERSON', 'C' from (select :prefix || g as n from generate_series(1, :count) g) names
				    returning id)
				insert into pool_entry (customer_id, pool_id, reason)
				select id, (select id from pool where company_wide), 'test' from c returning customer_id""")
			.param("prefix", unique("散客"))
			.param("count", count)
			.query(Long.class)
			.list();
	}

	/** Gives the employee this many customers, straight into the table. */
	public void own(Employee owner, int count) {
		jdbc()
			.sql("""
					insert into customer (name, normalized_name, kind, level, owner_id)
					select n, n, 'PERSON', 'A', :owner from (select :prefix || g as n from generate_series(1, :count) g) names""")
			.param("prefix", unique("老客户"))
			.param("count", count)
			.param("owner", owner.id())
			.update();
	}

	private JdbcClient jdbc() {
		if (this.jdbc == null) {
			throw new IllegalStateException("SQL needs TestData.given(api, jdbc)");
		}
		return this.jdbc;
	}

	public record Employee(long id, String username) {
	}

	/**
	 * A customer, its contact, the contact's phone number as it was entered, and a
	 * follow-up.
	 */
	public record CustomerWithHistory(long id, long contactId, String contactPhone, long followUpId) {
	}

	/**
	 * A sales region with a manager, and a team below it with two reps; an unrelated
	 * region with its own manager and rep. Everything else a test adds itself
	 * ({@link #rep()}, {@link TestData#employee}, {@link TestData#customerOf}).
	 */
	public static final class Company {

		public final TestData data;

		public final Api api;

		public final long region;

		public final long team;

		public final long elsewhere;

		public final Employee manager;

		/** A rep of the team, the one who owns the test's customers. */
		public final Employee owner;

		/** Another rep of the same team. */
		public final Employee colleague;

		public final Employee otherManager;

		/** A rep of the other region. */
		public final Employee outsider;

		Company(TestData data, String region, String team, String elsewhere) {
			this.data = data;
			this.api = data.api;
			this.region = data.department(region, null);
			this.team = data.department(team, this.region);
			this.elsewhere = data.department(elsewhere, null);
			this.manager = data.employee("mgr", this.region, null, "SALES_MANAGER");
			this.owner = data.employee("rep", this.team, this.manager.id(), "SALES");
			this.colleague = data.employee("rep", this.team, this.manager.id(), "SALES");
			this.otherManager = data.employee("mgr", this.elsewhere, null, "SALES_MANAGER");
			this.outsider = data.employee("rep", this.elsewhere, this.otherManager.id(), "SALES");
		}

		/** Another rep of the team, with SALES and any further roles. */
		public Employee rep(String... moreRoles) {
			String[] roles = new String[moreRoles.length + 1];
			roles[0] = "SALES";
			System.arraycopy(moreRoles, 0, roles, 1, moreRoles.length);
			return this.data.employee("rep", this.team, this.manager.id(), roles);
		}

		/** An HR employee of the region. */
		public Employee hr() {
			return this.data.employee("hr", this.region, null, "HR");
		}

		public String token(Employee employee) {
			return this.data.token(employee);
		}

		/** A new customer of the employee, level A, with a unique name. */
		public long customerOf(Employee owner) {
			return this.data.customerOf(owner);
		}

		/** A new company customer of the employee at the level, with a unique name. */
		public long customerOf(Employee owner, String level) {
			return this.data.customerOf(owner, level);
		}

	}

}
