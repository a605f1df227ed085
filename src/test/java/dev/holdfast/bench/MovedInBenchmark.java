package dev.holdfast.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.SignedIn;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.customer.ContactForm;
import dev.holdfast.customer.CustomerForm;
import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.customer.Gender;
import dev.holdfast.customer.MovedInCustomers;
import dev.holdfast.customer.MovedInCustomers.NewCustomer;
import dev.holdfast.organization.OrganizationManagement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers brought in with {@code MovedInCustomers.recordAll} (default 10,000 customers
 * with one contact each, in chunks of 1,000, one transaction per chunk: customer,
 * contact, owner history, two revisions and an audit event each, encrypted and indexed),
 * next to PostgreSQL {@code COPY}s of the same rows, in the same run: of all six tables
 * into copies of them with their indexes (no foreign keys), and of the customer and
 * contact rows alone into tables without indexes (encrypted values as random bytes of
 * their size). Run it with {@code bench/moved-in.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-moved-in}",
				"holdfast.embedded-postgres.reset-on-start=true" })
class MovedInBenchmark {

	private static final int CUSTOMERS = Integer.getInteger("bench.moved-in.customers", 10_000);

	private static final int CHUNK = Integer.getInteger("bench.moved-in.chunk", 1_000);

	private static final int ROUNDS = Integer.getInteger("bench.moved-in.rounds", 3);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MovedInCustomers movedIn;

	@Autowired
	OrganizationManagement organization;

	@Test
	void recordAllAgainstCopy() throws Exception {
		TestData data = new TestData(new Api(this.port));
		long region = data.department("基准导入大区", null);
		Employee manager = data.employee("mgr", region, null, "SALES_MANAGER");
		List<Long> reps = List.of(data.employee("rep", region, manager.id(), "SALES").id(),
				data.employee("rep", region, manager.id(), "SALES").id());
		for (String table : List.of("customer", "contact", "customer_owner_history", "customer_revision",
				"contact_revision", "audit_event")) {
			// the same columns, defaults and indexes (the name's bigram index too), no
			// foreign keys
			this.jdbc.sql("create table bench_%s (like %s including all)".formatted(table, table)).update();
		}
		this.jdbc.sql("create table bare_customer (like customer including defaults)").update();
		this.jdbc.sql("create table bare_contact (like contact including defaults)").update();
		System.out.printf("[bench] recordAll of %,d customers with one contact each, chunks of %,d, %d rounds%n",
				CUSTOMERS, CHUNK, ROUNDS);
		try {
			SignedIn.as(this.organization, manager);
			for (int round = 1; round <= ROUNDS; round++) {
				List<NewCustomer> rows = rows(round, reps);
				long start = System.nanoTime();
				for (int from = 0; from < rows.size(); from += CHUNK) {
					List<NewCustomer> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
					this.transactions.execute(status -> this.movedIn.recordAll(chunk, "bench"));
				}
				double recordMs = (System.nanoTime() - start) / 1e6;
				Copies copies = copy(round, rows, manager);
				System.out.printf("[bench] round %d: recordAll %,.0f ms (%,.0f customers/s); COPY of the same rows of "
						+ "all six tables into copies with their indexes %,.0f ms, ratio %.1f×; COPY of the customer "
						+ "and contact rows alone into tables without indexes %,.0f ms, ratio %.1f×%n", round, recordMs,
						CUSTOMERS / recordMs * 1000, copies.allMs(), recordMs / copies.allMs(), copies.bareMs(),
						recordMs / copies.bareMs());
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(this.jdbc.sql("select count(*) from customer where created_by = ?")
			.param(manager.id())
			.query(Long.class)
			.single()).isEqualTo((long) CUSTOMERS * ROUNDS);
	}

	private static List<NewCustomer> rows(int round, List<Long> reps) {
		Instant since = Instant.now().minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.MICROS);
		List<NewCustomer> rows = new ArrayList<>(CUSTOMERS);
		for (int i = 0; i < CUSTOMERS; i++) {
			CustomerForm form = new CustomerForm("基准导入" + round + "号" + i + "贸易有限公司", CustomerKind.COMPANY,
					CustomerLevel.C, "贸易", "老客户", "上海市", "上海市浦东新区张江路" + i + "号", null, CustomerStatus.FOLLOWING, null);
			ContactForm contact = new ContactForm("王芳", "采购经理", TestData.uniqueMobile(), null, null, null,
					Gender.FEMALE, null, null);
			rows.add(new NewCustomer(form, reps.get(i % reps.size()), since.plusSeconds(i), List.of(contact)));
		}
		return rows;
	}

	/** Milliseconds of the two COPYs. */
	private record Copies(double allMs, double bareMs) {
	}

	/**
	 * COPYs the same rows (the text made before, encrypted values as random bytes of
	 * their size): of all six tables into their indexed copies, and of customers and
	 * contacts alone into tables without indexes.
	 */
	private Copies copy(int round, List<NewCustomer> rows, Employee by) throws Exception {
		Table customers = new Table("customer (id, name, normalized_name, kind, level, industry, source, region, "
				+ "address_encrypted, notes, status, owner_id, created_at, created_by, updated_at, updated_by, "
				+ "status_changed_at)");
		Table contacts = new Table("contact (id, customer_id, name, title, phone_encrypted, phone_index, gender, "
				+ "created_at, created_by, updated_at, updated_by)");
		Table history = new Table(
				"customer_owner_history (customer_id, new_owner_id, changed_at, changed_by, kind, " + "reason)");
		Table customerRevisions = new Table("customer_revision (customer_id, version, change, snapshot, "
				+ "sensitive_encrypted, changed_at, changed_by)");
		Table contactRevisions = new Table("contact_revision (contact_id, customer_id, version, change, snapshot, "
				+ "sensitive_encrypted, changed_at, changed_by)");
		Table audit = new Table(
				"audit_event (occurred_at, actor_id, actor_username, action, target_type, target_id, " + "details)");
		String me = String.valueOf(by.id());
		for (int i = 0; i < rows.size(); i++) {
			NewCustomer row = rows.get(i);
			CustomerForm form = row.customer();
			String at = row.since().toString();
			String id = String.valueOf(round * 10_000_000L + i);
			String owner = String.valueOf(row.ownerId());
			customers.row(id, form.name(), form.name(), form.kind().name(), form.level().name(), form.industry(),
					form.source(), form.region(), bytes(80), "\\N", form.status().name(), owner, at, me, at, me, at);
			contacts.row(id, id, "王芳", "采购经理", bytes(50), bytes(32), "FEMALE", at, me, at, me);
			history.row(id, owner, at, me, "IMPORTED", "imported (bench)");
			customerRevisions.row(id, "0", "IMPORTED", """
					{"name": "%s", "kind": "COMPANY", "level": "C", "industry": "贸易", "source": "老客户", \
					"region": "上海市", "notes": null, "status": "FOLLOWING", "ownerId": %s, "archived": false}"""
				.formatted(form.name(), owner), bytes(90), at, me);
			contactRevisions.row(id, id, "0", "IMPORTED", """
					{"name": "王芳", "title": "采购经理", "gender": "FEMALE", "birthday": null, "notes": null}""", bytes(120),
					at, me);
			audit.row(at, me, by.username(), "CUSTOMER_IMPORTED", "customer", id, """
					{"contacts":1,"ownerId":%s,"since":"%s","source":"bench"}""".formatted(owner, at));
		}
		try (Connection connection = this.dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			long start = System.nanoTime();
			for (Table table : List.of(customers, contacts, history, customerRevisions, contactRevisions, audit)) {
				copy.copyIn("copy bench_" + table.columns() + " from stdin", new StringReader(table.text().toString()));
			}
			long all = System.nanoTime() - start;
			start = System.nanoTime();
			for (Table table : List.of(customers, contacts)) {
				copy.copyIn("copy bare_" + table.columns() + " from stdin", new StringReader(table.text().toString()));
			}
			return new Copies(all / 1e6, (System.nanoTime() - start) / 1e6);
		}
	}

	/** The rows of one table as COPY's text. */
	private record Table(String columns, StringBuilder text) {

		Table(String columns) {
			this(columns, new StringBuilder());
		}

		void row(String... values) {
			this.text.append(String.join("\t", values)).append('\n');
		}

	}

	private static String bytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return "\\\\x" + HexFormat.of().formatHex(bytes);
	}

}
