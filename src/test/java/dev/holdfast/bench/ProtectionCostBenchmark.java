package dev.holdfast.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.Masking;
import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What leak protection costs on the customer detail, contacts and list endpoints. No
 * switch in the product turns protection off, so the benchmark measures, interleaved in
 * the same run on the same rows, the whole request through HTTP and, next to it, the
 * protection work of that request done on its own through the same beans: the audit event
 * (hash chain, lock, insert, in a transaction of its own), the decryption of every
 * encrypted value the request reads, and the masking of every value it returns. "Added"
 * is that work against the rest of the request: protection / (request − protection). Run
 * it with {@code bench/protection.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-protection}",
				"holdfast.embedded-postgres.reset-on-start=true", "holdfast.risk.rate-limits.record-capacity=1000000",
				"holdfast.risk.rate-limits.row-capacity=1000000", "holdfast.risk.rate-limits.record-per-second=100000",
				"holdfast.risk.rate-limits.row-per-second=100000" })
class ProtectionCostBenchmark {

	private static final int CUSTOMERS = Integer.getInteger("bench.protection.customers", 100);

	private static final int SAMPLES = Integer.getInteger("bench.samples", 300);

	private static final int WARM_UP = Integer.getInteger("bench.warmup", 50);

	private static final EncryptedColumn PHONE = new EncryptedColumn("contact", "phone_encrypted");

	private static final EncryptedColumn EMAIL = new EncryptedColumn("contact", "email_encrypted");

	private static final EncryptedColumn WECHAT = new EncryptedColumn("contact", "wechat_encrypted");

	private static final EncryptedColumn ADDRESS = new EncryptedColumn("customer", "address_encrypted");

	private static final EncryptedColumn CONTACT_ADDRESS = new EncryptedColumn("contact", "address_encrypted");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	/** The encrypted values of one customer, as stored. */
	record Sealed(long customerId, byte[] address, List<byte[][]> contacts) {
	}

	@Test
	void protectionAgainstTheRestOfTheRequest() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long team = data.department("基准销售部", null);
		Employee rep = data.employee("rep", team, null, "SALES");
		String token = data.token(rep);
		List<Sealed> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			customers.add(customer(api, token, i));
		}
		Map<String, List<Long>> request = new HashMap<>();
		Map<String, List<Long>> protection = new HashMap<>();
		Random random = new Random(7);
		for (int i = 0; i < WARM_UP + SAMPLES; i++) {
			Sealed c = customers.get(random.nextInt(customers.size()));
			boolean keep = i >= WARM_UP;
			measure(keep, request, "detail", () -> get(api, token, "/api/v1/customers/" + c.customerId()));
			measure(keep, protection, "detail", () -> auditOne(AuditAction.CUSTOMER_DATA_READ, c.customerId())
					+ time(() -> Masking.address(this.cipher.decrypt(c.address(), ADDRESS))));
			measure(keep, request, "contacts",
					() -> get(api, token, "/api/v1/customers/" + c.customerId() + "/contacts"));
			measure(keep, protection, "contacts",
					() -> auditOne(AuditAction.CUSTOMER_DATA_READ, c.customerId()) + time(() -> {
						for (byte[][] contact : c.contacts()) {
							Masking.phone(this.cipher.decrypt(contact[0], PHONE));
							Masking.email(this.cipher.decrypt(contact[1], EMAIL));
							Masking.wechat(this.cipher.decrypt(contact[2], WECHAT));
							Masking.address(this.cipher.decrypt(contact[3], CONTACT_ADDRESS));
						}
					}));
			measure(keep, request, "list", () -> get(api, token, "/api/v1/customers?size=20"));
			measure(keep, protection, "list", () -> auditOne(AuditAction.CUSTOMERS_LISTED, null));
		}
		System.out.printf("[bench] leak protection on %d customers with %d contacts, %d samples after %d warm-up%n",
				CUSTOMERS, CUSTOMERS * 2, SAMPLES, WARM_UP);
		for (String endpoint : List.of("detail", "contacts", "list")) {
			double whole = median(request.get(endpoint)) / 1e3;
			double part = median(protection.get(endpoint)) / 1e3;
			System.out.printf("[bench] %-8s request %7.2f ms, protection %6.2f ms, added %5.1f%% of the rest%n",
					endpoint, whole, part, 100 * part / (whole - part));
		}
	}

	private Sealed customer(Api api, String token, int i) {
		Api.Response created = api.post(token, "/api/v1/customers", Map.of("name", TestData.unique("深圳基准电子") + "有限公司",
				"kind", "COMPANY", "level", "B", "address", "广东省深圳市南山区科技园南路" + (i + 1) + "号"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.id();
		for (int k = 0; k < 2; k++) {
			assertThat(api.post(token, "/api/v1/customers/" + id + "/contacts",
					Map.of("name", "王建国" + k, "phone", String.format("139%08d", i * 2 + k), "email",
							"wang" + i + "x" + k + "@shenzhen-bench.cn", "wechat", "wjg_" + i + "_" + k, "address",
							"广东省深圳市南山区高新南一道" + (i + 1) + "号" + (k + 1) + "楼"))
				.status()).isEqualTo(201);
		}
		byte[] address = this.jdbc.sql("select address_encrypted from customer where id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		List<byte[][]> contacts = this.jdbc
			.sql("select phone_encrypted, email_encrypted, wechat_encrypted, address_encrypted from contact"
					+ " where customer_id = ?")
			.param(id)
			.query((rs, row) -> new byte[][] { rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4) })
			.list();
		return new Sealed(id, address, contacts);
	}

	/**
	 * The audit event's own cost: a transaction with it, less a transaction with a
	 * trivial query in its place.
	 */
	private long auditOne(AuditAction action, Long customerId) {
		long with = time(() -> this.transactions.executeWithoutResult(
				status -> this.audit.recordAs(null, "bench", action, "customer", customerId, Map.of("rows", 1))));
		long without = time(() -> this.transactions
			.executeWithoutResult(status -> this.jdbc.sql("select 1").query(Integer.class).single()));
		return Math.max(0, with - without);
	}

	private static long get(Api api, String token, String path) {
		long start = System.nanoTime();
		Api.Response response = api.get(token, path);
		long took = System.nanoTime() - start;
		assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
		return took / 1000;
	}

	private static long time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1000;
	}

	private static void measure(boolean keep, Map<String, List<Long>> into, String name, LongSupplier micros) {
		long value = micros.getAsLong();
		if (keep) {
			into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
	}

	private static double median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

}
