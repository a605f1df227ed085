package dev.holdfast.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure of issue 10, checked against the running application with the shipped
 * budgets: a rep and a rep serving notice read details and sub-resources, list rows and
 * full phone numbers as fast as the API answers, until each channel refuses. What they
 * got before the refusal is the burst; the refill comes from {@code Retry-After}. It
 * prints the hourly figures of {@link ReadingBudget}. Run it with
 * {@code bench/reading.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-reading}",
				"holdfast.embedded-postgres.reset-on-start=true" })
class ReadingBudgetBenchmark {

	private static final int LIST = 200;

	private static final ReadingBudget budget = ReadingBudget.ofApplicationYml();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void shippedBudgets(DynamicPropertyRegistry registry) {
		budget.asProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void aRepAndALeavingRepPullNoMoreThanTheFigureSays() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long team = data.department("读取预算", null);
		Employee rep = data.employee("budgetrep", team, null, "SALES");
		Employee leaver = data.employee("budgetleaver", team, null, "SALES");
		Portfolio repCustomers = Portfolio.of(api, data.token(rep));
		Portfolio leaverCustomers = Portfolio.of(api, data.token(leaver));
		Api.Response leaving = api.patch(data.adminToken(), "/api/v1/employees/" + leaver.id(),
				Map.of("status", "LEAVING"));
		assertThat(leaving.status()).as(leaving.toString()).isEqualTo(200);

		measure(api, "rep", data.token(rep), repCustomers, false);
		measure(api, "leaving rep", data.token(leaver), leaverCustomers, true);
		System.out.print(budget.report());
	}

	private void measure(Api api, String who, String token, Portfolio portfolio, boolean leaving) {
		Instant start = Instant.now();
		Burst records = Burst.until429(api, token, portfolio.parts(), path -> 1);
		double refill = Duration.between(start, Instant.now()).toMillis() / 1000.0 * budget.recordPerSecond()
				* (leaving ? budget.leavingFactor() : 1);
		// the answer to recording the complaint was the first record read
		assertThat(records.amount() + 1).as(who + " records")
			.isBetween(budget.recordBurst(leaving), budget.recordBurst(leaving) + (long) Math.ceil(refill) + 1);
		assertThat(records.retryAfter()).as(who + ": a record is back within")
			.isLessThanOrEqualTo(
					(long) Math.ceil(1 / (budget.recordPerSecond() * (leaving ? budget.leavingFactor() : 1))) + 1);

		start = Instant.now();
		Burst rows = Burst.until429(api, token, List.of("/api/v1/customers?size=" + LIST), path -> LIST);
		refill = Duration.between(start, Instant.now()).toMillis() / 1000.0 * budget.rowPerSecond()
				* (leaving ? budget.leavingFactor() : 1);
		assertThat(rows.amount()).as(who + " list rows")
			.isGreaterThan(budget.rowBurst(leaving) - LIST)
			.isLessThanOrEqualTo(budget.rowBurst(leaving) + (long) Math.ceil(refill));

		int revealed = 0;
		for (int i = 0; i < 100; i++) {
			Api.Response reveal = api.post(token, "/api/v1/contacts/" + portfolio.contactId() + "/reveal",
					Map.of("field", "phone", "reason", "核对订单联系人"));
			if (reveal.status() != 200) {
				assertThat(reveal.status()).as(reveal.toString()).isIn(403, 429);
				break;
			}
			revealed++;
		}
		assertThat((long) revealed).as(who + " full numbers").isEqualTo(budget.fullValues(leaving));
		System.out.printf(
				"[bench] %-11s measured: %d records, %d list rows before the first 429 (Retry-After %d s "
						+ "and %d s), %d full numbers%n",
				who, records.amount() + 1, rows.amount(), records.retryAfter(), rows.retryAfter(), revealed);
	}

	/** A rep's customers: enough for a full list, one with every part a customer has. */
	record Portfolio(List<String> parts, long contactId) {

		static Portfolio of(Api api, String token) {
			long customer = 0;
			for (int i = 0; i < LIST; i++) {
				Api.Response created = api.post(token, "/api/v1/customers",
						Map.of("name", TestData.unique("无锡精工机电") + "有限公司", "kind", "COMPANY", "level", "B"));
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				customer = created.id();
			}
			long contact = api
				.post(token, "/api/v1/customers/" + customer + "/contacts",
						Map.of("name", "周杰", "phone", "137" + String.format("%08d", System.nanoTime() % 100_000_000L)))
				.id();
			long followUp = api
				.post(token, "/api/v1/customers/" + customer + "/follow-ups",
						Map.of("kind", "CALL", "content", "电话沟通年度采购计划，客户预计下月下单。"))
				.id();
			long complaint = api
				.post(token, "/api/v1/customers/" + customer + "/complaints",
						Map.of("summary", "安装延误", "severity", "LOW", "channel", "PHONE"))
				.id();
			String base = "/api/v1/customers/" + customer;
			return new Portfolio(
					List.of(base, base + "/contacts", base + "/history", base + "/follow-ups", base + "/members",
							base + "/rhythm", base + "/care-visits", base + "/complaints",
							"/api/v1/follow-ups/" + followUp + "/attachments", "/api/v1/complaints/" + complaint),
					contact);
		}

	}

	/** What was served before the first 429, and the Retry-After of that 429. */
	record Burst(long amount, long retryAfter) {

		static Burst until429(Api api, String token, List<String> paths,
				java.util.function.ToIntFunction<String> cost) {
			long amount = 0;
			for (int i = 0; i < 100_000; i++) {
				String path = paths.get(i % paths.size());
				Api.Response response = api.get(token, path);
				if (response.status() == 429) {
					return new Burst(amount, retryAfter(response));
				}
				assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
				amount += cost.applyAsInt(path);
			}
			throw new AssertionError("never refused");
		}

		/** Api keeps no headers: the seconds of Retry-After are in the message too. */
		private static long retryAfter(Api.Response refused) {
			String message = refused.text("message");
			return Long.parseLong(message.replaceAll("\\D+", " ").trim().split(" ")[0]);
		}

	}

}
