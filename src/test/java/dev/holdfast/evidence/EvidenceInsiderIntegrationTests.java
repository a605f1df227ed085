package dev.holdfast.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;
import dev.holdfast.audit.AuditEventView;
import dev.holdfast.audit.AuditEvidence;
import dev.holdfast.offboarding.Departing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suspect and their colleagues plant spreadsheet formulas in the evidence the
 * company's lawyer opens: the leaver sends a User-Agent that is a formula while revealing
 * a phone, and a customer they owned is renamed to one before it complains. The package's
 * CSV files hold no cell a spreadsheet would run, and the audit events still recompute to
 * the chain's hashes once the one added apostrophe is removed. A period before Christ is
 * refused field by field, not a 500, and stores nothing.
 */
@HoldfastIntegrationTest
class EvidenceInsiderIntegrationTests {

	private static final String PACKAGES = "/api/v1/evidence-packages";

	private static final String FORMULA_AGENT = "=HYPERLINK(\"http://evil.example/ua\",\"open the quote\")";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void formulasPlantedByTheSuspectOrInACustomersNameAreNeutralisedAndTheEventsStillVerify() throws IOException {
		Api api = new Api(this.port);
		TestData data = TestData.given(api, this.jdbc);
		Company company = data.company("华东区", "宁波销售二组", "华北区");
		Employee rep = company.rep();
		String formulaName = "=HYPERLINK(\"http://evil.example/c\",\"" + TestData.unique("宁波港") + "\")";
		long customer = data.customerWithContact(rep, "宁波" + TestData.unique("甬江") + "贸易有限公司", "李娜",
				TestData.uniqueMobile());
		String repToken = data.token(rep);
		long contact = api.get(repToken, "/api/v1/customers/" + customer + "/contacts")
			.body()
			.get(0)
			.get("id")
			.asLong();
		HttpResponse<String> revealed = send(repToken, "POST", "/api/v1/contacts/" + contact + "/reveal",
				"{\"field\":\"phone\"}");
		assertThat(revealed.statusCode()).as(revealed.body()).isEqualTo(200);

		long caseId = api
			.post(data.adminToken(), "/api/v1/employees/" + rep.id() + "/resignation", Map.of("noticeDate",
					TestData.today().toString(), "lastWorkingDay", TestData.today().toString(), "reason", "个人原因"))
			.id();
		assertThat(caseId).isPositive();
		Departing.lastWorkingDaysEndedBefore(this.context, TestData.today().plusDays(1));
		data.watchStarted(rep);
		String managerToken = data.token(company.manager);
		long version = api.get(managerToken, "/api/v1/customers/" + customer).body().get("version").asLong();
		Api.Response renamed = api.patch(managerToken, "/api/v1/customers/" + customer,
				Map.of("name", formulaName, "version", version));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(api
			.post(managerToken, "/api/v1/customers/" + customer + "/complaints",
					Map.of("summary", "新负责人回复太慢", "severity", "HIGH", "channel", "PHONE"))
			.status()).isEqualTo(201);
		Employee auditor = data.employee("auditor", null, null, "AUDITOR");
		String auditorToken = data.token(auditor);
		Eventually.value("the watch records the complaint",
				() -> api.get(auditorToken, "/api/v1/departure-watches/" + rep.id() + "/signals").raw(),
				raw -> raw.contains("COMPLAINT"));

		Api.Response built = api.post(auditorToken, PACKAGES, Map.of("employeeId", rep.id(), "from",
				TestData.today().minusDays(7).toString(), "to", TestData.today().toString()));
		assertThat(built.status()).as(built.toString()).isEqualTo(201);
		Map<String, byte[]> files = EvidencePackageIntegrationTests
			.unzip(download(auditorToken, PACKAGES + "/" + built.id() + "/file"));

		List<CSVRecord> events = csv(files.get("audit-events.csv"));
		List<CSVRecord> signals = csv(files.get("post-departure-signals.csv"));
		for (CSVRecord row : concat(events, signals)) {
			for (String cell : row) {
				assertThat(cell).as("a cell of " + row)
					.doesNotStartWith("=")
					.doesNotStartWith("+")
					.doesNotStartWith("@");
			}
		}
		assertThat(signals).anySatisfy(row -> assertThat(row.get("customer")).isEqualTo("'" + formulaName));
		CSVRecord reveal = events.stream()
			.filter(r -> r.get("action").equals("CONTACT_REVEALED"))
			.findFirst()
			.orElseThrow();
		assertThat(reveal.get("user_agent")).isEqualTo("'" + FORMULA_AGENT);
		for (CSVRecord row : events) {
			AuditEventView event = new AuditEventView(Long.parseLong(row.get("id")),
					Instant.parse(row.get("occurred_at")),
					row.get("actor_id").isEmpty() ? null : Long.valueOf(row.get("actor_id")),
					cell(row, "actor_username"), cell(row, "action"), cell(row, "target_type"), cell(row, "target_id"),
					cell(row, "client_ip"), cell(row, "user_agent"), cell(row, "details"), row.get("prev_hash"),
					row.get("hash"));
			assertThat(AuditEvidence.hashOf(event)).as("event " + event.id()).isEqualTo(event.hash());
			assertThat(row.get("hash_verified")).isEqualTo("true");
		}
		assertThat(new String(files.get("chain-verification.txt"), StandardCharsets.UTF_8))
			.contains("remove that one apostrophe");
	}

	@Test
	void aPeriodBeforeChristOrBefore1970IsRefusedFieldByFieldAndStoresNothing() {
		Api api = new Api(this.port);
		TestData data = TestData.given(api, this.jdbc);
		Employee auditor = data.employee("auditor", null, null, "AUDITOR");
		Employee rep = data.company("华东区", "温州销售一组", "西南区").rep();
		String token = data.token(auditor);
		for (String[] period : List.of(new String[] { "-5000-01-01", "-4999-06-01" },
				new String[] { "-999999999-01-01", "-999999999-01-02" }, new String[] { "1969-12-01", "1970-01-31" })) {
			String body = "{\"employeeId\":" + rep.id() + ",\"from\":\"" + period[0] + "\",\"to\":\"" + period[1]
					+ "\"}";
			Api.Response refused = api.sendRaw(token, "POST", PACKAGES, body);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.raw()).contains("\"from\"");
			Api.Response asked = api.sendRaw(token, "POST", PACKAGES + "/unmasked-requests",
					body.replace("}", ",\"reason\":\"律师要求\"}"));
			assertThat(asked.status()).as(asked.toString()).isEqualTo(400);
		}
		assertThat(this.jdbc.sql("select count(*) from evidence_package where builder_id = ?")
			.param(auditor.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from approval_request where requested_by = ?")
			.param(auditor.id())
			.query(Long.class)
			.single()).isZero();
	}

	/** A cell as the chain hashed it: one added apostrophe removed, empty as null. */
	private static String cell(CSVRecord row, String column) {
		String value = row.get(column);
		if (value.isEmpty()) {
			return null;
		}
		return value.startsWith("'") ? value.substring(1) : value;
	}

	private static List<CSVRecord> concat(List<CSVRecord> a, List<CSVRecord> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	private static List<CSVRecord> csv(byte[] content) throws IOException {
		try (CSVParser csv = CSVParser.parse(
				new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			return csv.getRecords();
		}
	}

	private HttpResponse<String> send(String token, String method, String path, String json) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.header("User-Agent", FORMULA_AGENT)
					.method(method, HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private byte[] download(String token, String path) {
		HttpResponse<byte[]> response = new Multipart(this.port).download(token, path);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
