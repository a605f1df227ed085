package dev.holdfast.followup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.MailServer;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One clock (issue 11, item 3): the JVM runs in UTC, as on a typical server or in a
 * container, and the company is in Asia/Shanghai ({@code holdfast.zone}'s default). A
 * follow-up recorded at 15:15 UTC reads 23:15 on the customer page, in the export file
 * and in the digest e-mail; the export's watermark shows the local time with its offset,
 * never an instant ending in {@code Z}; the API keeps the ISO-8601 instant.
 */
@HoldfastIntegrationTest
@ExtendWith(MailServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneClockIntegrationTests {

	private static final GreenMail smtp = MailServer.smtp();

	/** 23:15 in Shanghai, a day no other test's digest runs on. */
	private static final Instant AT = Instant.parse("2033-08-16T15:15:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FollowUpDigestJob digests;

	private Api api;

	private TestData data;

	private Employee rep;

	private Employee manager;

	private String customerName;

	private long customerId;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long dept = this.data.department("厦门销售部", null);
		this.manager = this.data.employee("clockmgr", dept, null, "SALES_MANAGER");
		this.rep = this.data.employee("clockrep", dept, this.manager.id(), "SALES");
		this.jdbc.sql("update employee set email = ? where id = ?")
			.params("chen.jiahui@xiamen-sales.cn", this.rep.id())
			.update();
		this.customerName = TestData.unique("厦门鹭岛茶业") + "有限公司";
		String token = this.data.token(this.rep);
		this.customerId = this.api
			.post(token, "/api/v1/customers", Map.of("name", this.customerName, "kind", "COMPANY", "level", "A"))
			.id();
		long followUp = this.api
			.post(token, "/api/v1/customers/" + this.customerId + "/follow-ups",
					Map.of("kind", "CALL", "content", "陈佳慧电话沟通了年度采购计划，答应当晚再确认报价。"))
			.id();
		// recorded and promised for 15:15 UTC: 23:15 in Shanghai
		this.jdbc.sql("update follow_up set created_at = :at, next_contact_at = :at where id = :id")
			.param("at", Timestamp.from(AT))
			.param("id", followUp)
			.update();
	}

	@Test
	void theJvmRunsInUtcLikeAContainer() {
		assertThat(TimeZone.getDefault().getID()).isIn("UTC", "Etc/UTC");
		assertThat(ZoneId.systemDefault().getRules().getOffset(AT).getTotalSeconds()).isZero();
	}

	@Test
	void theCustomerPageShowsTheCompanysTime() {
		WebSession session = new WebSession(this.port);
		session.logIn(this.rep.username(), TestData.PASSWORD);
		HttpResponse<String> page = session.get("/customers/" + this.customerId + "/follow-ups");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("2033-08-16 23:15").doesNotContain("2033-08-16 15:15");
	}

	@Test
	void theApiKeepsTheInstant() {
		Api.Response followUps = this.api.get(this.data.token(this.rep),
				"/api/v1/customers/" + this.customerId + "/follow-ups");
		assertThat(followUps.raw()).contains("2033-08-16T15:15:00Z");
	}

	@Test
	void theExportFileShowsTheCompanysTimeAndItsWatermarkNoZ() throws Exception {
		String token = this.data.token(this.manager);
		Api.Response export = this.api.post(token, "/api/v1/exports", Map.of("entity", "follow-ups", "format", "CSV",
				"unmasked", false, "filter", Map.of("q", this.customerName)));
		assertThat(export.status()).as(export.toString()).isEqualTo(202);
		assertThat(export.text("status")).isEqualTo("READY");
		List<String> lines = csv(token, export.id()).lines().toList();

		String row = lines.stream().filter(l -> l.contains("年度采购计划")).findFirst().orElseThrow();
		assertThat(row).contains("2033-08-16 23:15").doesNotContain("15:15");

		String watermark = lines.get(0);
		Instant created = this.jdbc.sql("select created_at from export_request where id = ?")
			.param(export.id())
			.query(Timestamp.class)
			.single()
			.toInstant();
		// the watermark tells when the file was made, in the background shortly after the
		// request: in the company's zone, with its offset, never in UTC
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
		Matcher stamp = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) \\(UTC\\+08:00\\)")
			.matcher(watermark);
		assertThat(stamp.find()).as(watermark).isTrue();
		Instant made = LocalDateTime.parse(stamp.group(1), format).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
		assertThat(made).isBetween(created.minusSeconds(1), created.plusSeconds(60));
		assertThat(watermark).doesNotContainPattern("\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?Z")
			.doesNotContain("T" + stamp.group(1).substring(11));
	}

	@Test
	void theDigestEmailShowsTheCompanysTime() throws Exception {
		// 07:30 the next morning in Shanghai, after the digest hour
		assertThat(this.digests.runAt(Instant.parse("2033-08-16T23:30:00Z"))).isPositive();
		String body = this.jdbc
			.sql("select body_args::text from notification where employee_id = ? and kind = 'FOLLOW_UP_DIGEST'")
			.param(this.rep.id())
			.query(String.class)
			.single();
		assertThat(body).contains("2033-08-16 23:15");
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = mailTo("chen.jiahui@xiamen-sales.cn");
		assertThat((String) mail.getContent()).contains("2033-08-16 23:15")
			.doesNotContain("15:15")
			.doesNotContain(this.customerName);
	}

	private String csv(String token, long id) throws Exception {
		HttpResponse<byte[]> file = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/exports/" + id + "/file"))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		return new String(file.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
	}

	private static MimeMessage mailTo(String address) throws Exception {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				return message;
			}
		}
		throw new AssertionError("no e-mail to " + address);
	}

}
