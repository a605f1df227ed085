package dev.holdfast.risk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, hole 3, as the scraping rep did it: another spelling of an id slipped past
 * the limiter's URL pattern, and the sub-resources (contacts, history, follow-ups,
 * members, rhythm, files, care visits, complaints) were neither limited nor scored. Now
 * an id has one spelling, and every read of customer data takes from one budget per
 * employee, whichever route, spelling or channel it came through; a leaver has half.
 */
@HoldfastIntegrationTest
@TightReadingLimits
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderAttackScrapingIntegrationTests {

	private static final int RECORDS = 120;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RiskManagement risk;

	private Company company;

	private Api api;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("风控测试销售组", "风控测试一组", "华东区");
	}

	@Test
	void anIdHasOneSpellingOnEveryRouteInTheApiAndThePages() throws Exception {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		long id = this.company.data.customerAs(token);
		assertThat(get(token, "/api/v1/customers/" + id).statusCode()).isEqualTo(200);

		List<String> spellings = List.of("+" + id, "%2B" + id, "0" + id, "0x" + Long.toHexString(id), "%23" + id,
				"%20" + id, id + ".0", id + "%20", toFullWidth(id));
		for (String spelling : spellings) {
			for (String path : List.of("/api/v1/customers/" + spelling, "/api/v1/customers/" + spelling + "/contacts",
					"/api/v1/customers/" + spelling + "/follow-ups")) {
				HttpResponse<String> response = get(token, path);
				assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
				assertThat(response.body()).as(path).doesNotContain("成都天府软件");
			}
		}
		assertThat(get(token, "/api/v1/customers/+" + id).body()).as("a clear answer, not a server error")
			.contains("\"error\":\"validation\"", "\"id\"");
		for (String query : List.of("ownerId=%2B" + rep.id(), "ownerId=0" + rep.id(), "page=01", "size=%2B5")) {
			HttpResponse<String> response = get(token, "/api/v1/customers?" + query);
			assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
		}
		assertThat(get(token, "/api/v1/customers?ownerId=" + rep.id()).statusCode()).isEqualTo(200);

		WebSession browser = new WebSession(this.port);
		browser.logIn(rep.username(), TestData.PASSWORD);
		assertThat(browser.get("/customers/" + id).statusCode()).isEqualTo(200);
		for (String spelling : List.of("+" + id, "0" + id, "0x" + Long.toHexString(id), "%23" + id, id + ".0")) {
			for (String path : List.of("/customers/" + spelling, "/customers/" + spelling + "/follow-ups",
					"/customers/" + spelling + "/care")) {
				HttpResponse<String> page = browser.get(path);
				assertThat(page.statusCode()).as(path).isEqualTo(400);
				assertThat(page.body()).as(path).doesNotContain("成都天府软件");
			}
		}
		assertThat(browser.get("/customers?ownerId=%2B" + rep.id()).statusCode()).isEqualTo(400);
	}

	@Test
	void everySubResourceTakesFromTheSameBudgetAsTheDetails() throws Exception {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		List<String> reads = subResources(token);

		// the answer to recording the complaint was the first record read
		int served = readUntilRefused(token, reads);
		assertThat(served).as("records read before the first refusal").isBetween(RECORDS - 1, RECORDS + 1);

		HttpResponse<String> refused = get(token, reads.get(0));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		for (String path : reads) {
			assertThat(get(token, path).statusCode()).as(path).isEqualTo(429);
		}

		WebSession browser = new WebSession(this.port);
		browser.logIn(rep.username(), TestData.PASSWORD);
		String customerPage = reads.get(0).replace("/api/v1", "").replace("/contacts", "");
		for (String page : List.of(customerPage, customerPage + "/follow-ups", customerPage + "/care",
				customerPage + "/history")) {
			HttpResponse<String> answer = browser.get(page);
			assertThat(answer.statusCode()).as("the pages share the budget: " + page).isEqualTo(429);
			assertThat(answer.headers().firstValue("Retry-After")).as(page).isPresent();
		}

		assertThat(this.jdbc.sql("select count(*) from audit_event where actor_id = ? and action = 'RATE_LIMITED'")
			.param(rep.id())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(reads.size() + 4L);
		EmployeeRisk scored = this.risk.view(rep.id(), Instant.now());
		assertThat(scored.indicators()
			.stream()
			.filter(s -> s.indicator().equals("DETAIL_VIEWS"))
			.findFirst()
			.orElseThrow()
			.observed()).as("every record read is scored, whatever part of the customer it was")
			.isGreaterThanOrEqualTo(RECORDS);
		Api.Response evaluated = this.api.post(this.company.token(this.company.manager),
				"/api/v1/risk/employees/" + rep.id() + "/evaluate", null);
		assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
		assertThat(evaluated.raw()).contains("RATE_LIMITED");
	}

	@Test
	void otherSpellingsOfThePathReachTheSameMeterOrNothing() throws Exception {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		List<String> reads = subResources(token);
		readUntilRefused(token, reads);
		String contacts = reads.get(0);
		String encoded = contacts.replace("/customers/", "/%63ustomers/");
		assertThat(get(token, encoded).statusCode()).as(encoded).isEqualTo(429);
		for (String variant : List.of("/" + contacts, contacts + "/",
				contacts.replace("/customers/", "/customers;x=1/"), contacts.replace("/api/v1/", "/API/v1/"),
				contacts.replace("/api/v1/", "/api/v1/./"), contacts.replace("/contacts", "/%43ontacts"))) {
			HttpResponse<String> response = get(token, variant);
			assertThat(response.statusCode()).as(variant + ": " + response.body()).isNotEqualTo(200);
			assertThat(response.body()).as(variant).doesNotContain("王芳");
		}
	}

	@Test
	void aLeaverHasHalfTheBudgetForEveryPart() throws Exception {
		Employee leaver = this.company.rep();
		String token = this.company.token(leaver);
		List<String> reads = subResources(token);
		this.company.data.leaving(leaver);
		assertThat(readUntilRefused(this.company.token(leaver), reads)).isBetween(RECORDS / 2, RECORDS / 2 + 2);
	}

	@Test
	void exportsAreNotMeteredAsReadsTheyHaveTheirOwnLimits() throws Exception {
		String manager = this.company.token(this.company.manager);
		List<String> reads = subResources(this.company.token(this.company.rep()));
		readUntilRefused(manager, reads);
		assertThat(get(manager, reads.get(0)).statusCode()).isEqualTo(429);

		Api.Response export = this.api.post(manager, "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV", "filter", Map.of("q", "成都天府软件")));
		assertThat(export.text("status")).as(export.toString()).isEqualTo("READY");
		assertThat(new Multipart(this.port).download(manager, "/api/v1/exports/" + export.id() + "/file").statusCode())
			.isEqualTo(200);
	}

	/**
	 * A customer of the rep's with a contact, a follow-up with a photo and a complaint;
	 * the reads of each of its parts, as the API offers them.
	 */
	private List<String> subResources(String token) {
		long customer = this.company.data.customerAs(token);
		this.company.data.contactAs(token, customer);
		Api.Response followUp = this.api.post(token, "/api/v1/customers/" + customer + "/follow-ups",
				Map.of("kind", "VISIT", "content", "上门拜访，客户对新报价有兴趣，下周再联系。"));
		assertThat(followUp.status()).as(followUp.toString()).isEqualTo(201);
		long attachment = new Multipart(this.port)
			.upload(token, "/api/v1/follow-ups/" + followUp.id() + "/attachments", "file", "门头.png", "image/png", png())
			.id();
		Api.Response complaint = this.api.post(token, "/api/v1/customers/" + customer + "/complaints",
				Map.of("summary", "发货延迟", "severity", "LOW", "channel", "PHONE"));
		assertThat(complaint.status()).as(complaint.toString()).isEqualTo(201);
		String base = "/api/v1/customers/" + customer;
		return List.of(base + "/contacts", base, base + "/history", base + "/follow-ups", base + "/members",
				base + "/rhythm", base + "/care-visits", base + "/complaints",
				"/api/v1/follow-ups/" + followUp.id() + "/attachments", "/api/v1/attachments/" + attachment,
				"/api/v1/attachments/" + attachment + "/thumbnail", "/api/v1/complaints/" + complaint.id());
	}

	/**
	 * Reads the parts in turn until one is refused; how many were served (at most 400).
	 */
	private int readUntilRefused(String token, List<String> reads) throws Exception {
		for (int i = 0; i < 400; i++) {
			HttpResponse<String> response = get(token, reads.get(i % reads.size()));
			if (response.statusCode() == 429) {
				return i;
			}
			assertThat(response.statusCode()).as(reads.get(i % reads.size())).isEqualTo(200);
		}
		return 400;
	}

	private HttpResponse<String> get(String token, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The id in full-width digits, percent-encoded: Java reads them as digits too. */
	private static String toFullWidth(long id) {
		StringBuilder encoded = new StringBuilder();
		for (char digit : Long.toString(id).toCharArray()) {
			// U+FF10..U+FF19 are EF BC 90..99 in UTF-8
			encoded.append("%EF%BC%").append(Integer.toHexString(0x90 + (digit - '0')).toUpperCase());
		}
		return encoded.toString();
	}

	private static byte[] png() {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
