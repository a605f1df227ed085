package dev.holdfast.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login holes of issue 10 as the insider found them: a stranger locking the
 * administrator out forever, {@code İt.admin} slipping past the lockout, the API
 * description and the metrics open to anyone, weak passwords, the {@code Host} header in
 * redirects, a session row for every look at the login page, and the enrolment code
 * logging in once more. Requests from other client addresses go out from other loopback
 * addresses (127.0.0.x) over plain sockets, which also send any {@code Host} header.
 */
@HoldfastIntegrationTest
class InsiderAttackLoginIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	// hole 7: the lockout

	@Test
	void aStrangerWhoGuessesTheAdministratorsPasswordLocksOnlyHimselfOut() {
		TestData.Employee admin = this.data.employee("it.admin", null, null, "ADMIN");
		String stranger = "127.0.0.2";

		for (int i = 0; i < 5; i++) {
			assertThat(tokenFrom(stranger, admin.username(), "wrong-password-" + i).status()).isEqualTo(401);
		}

		assertThat(tokenFrom(stranger, admin.username(), TestData.PASSWORD).status())
			.as("the stranger's address is locked, even with the right password")
			.isEqualTo(429);
		assertThat(this.api
			.post(null, "/api/v1/auth/token", Map.of("username", admin.username(), "password", TestData.PASSWORD))
			.status()).as("the administrator logs in from his own address").isEqualTo(200);
		assertThat(
				new WebSession(this.port).logIn(admin.username(), TestData.PASSWORD).headers().firstValue("Location"))
			.as("and through the login form")
			.hasValueSatisfying(location -> assertThat(location).doesNotContain("locked", "error"));
	}

	@Test
	void theDottedCapitalIAndFullWidthLettersAreTheSameAccountWithTheSameCounter() {
		TestData.Employee admin = this.data.employee("it.admin", null, null, "ADMIN");
		String dotted = "\u0130" + admin.username().substring(1);
		String fullWidth = fullWidth(admin.username().toUpperCase(java.util.Locale.ROOT));
		String guesser = "127.0.0.3";

		Reply viaDotted = tokenFrom(guesser, dotted, TestData.PASSWORD);
		assertThat(viaDotted.status()).as(viaDotted.toString()).isEqualTo(200);
		assertThat(this.api.get(viaDotted.json().get("token").asString(), "/api/v1/me").text("username"))
			.isEqualTo(admin.username());
		assertThat(tokenFrom(guesser, fullWidth, TestData.PASSWORD).status()).as("ＩＴ.ＡＤＭＩＮ is it.admin").isEqualTo(200);

		for (int i = 0; i < 3; i++) {
			assertThat(tokenFrom(guesser, dotted, "wrong-password-" + i).status()).isEqualTo(401);
		}
		for (int i = 0; i < 2; i++) {
			assertThat(tokenFrom(guesser, fullWidth, "wrong-password-" + i).status()).isEqualTo(401);
		}

		for (String spelling : List.of(admin.username(), dotted, fullWidth)) {
			assertThat(tokenFrom(guesser, spelling, TestData.PASSWORD).status())
				.as("five failures under three spellings lock the one account: %s", spelling)
				.isEqualTo(429);
		}
		assertThat(this.jdbc
			.sql("select count(*) from login_attempt where username = ? and client_ip = ? and not succeeded")
			.params(admin.username(), guesser)
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void failuresFromManyAddressesLockTheUsernameForEveryoneUntilAnAdministratorUnlocksIt() {
		TestData.Employee admin = this.data.employee("it.admin", null, null, "ADMIN");
		for (int address = 1; address <= 10; address++) {
			for (int i = 0; i < 5; i++) {
				tokenFrom("127.0.1." + address, admin.username(), "wrong-password-" + i);
			}
		}

		assertThat(this.api
			.post(null, "/api/v1/auth/token", Map.of("username", admin.username(), "password", TestData.PASSWORD))
			.status()).as("fifty failures from ten addresses lock the username for everyone").isEqualTo(429);
		String rep = this.data.token(this.data.employee("rep", null, null, "SALES"));
		assertThat(this.api.get(rep, "/api/v1/login-lockouts").status()).isEqualTo(403);
		assertThat(this.api.post(rep, "/api/v1/login-lockouts/unlock", Map.of("username", admin.username())).status())
			.isEqualTo(403);
		JsonNode locked = lockedLogin(admin.username());
		assertThat(locked).as("the administrator sees the locked username").isNotNull();
		assertThat(locked.get("employeeId").asLong()).isEqualTo(admin.id());
		assertThat(locked.get("lockedForEveryoneUntil").isNull()).isFalse();
		assertThat(locked.get("addresses")).hasSize(10);

		assertThat(this.api
			.post(this.data.adminToken(), "/api/v1/login-lockouts/unlock", Map.of("username", dottedUpper(admin)))
			.status()).isEqualTo(204);

		assertThat(lockedLogin(admin.username())).isNull();
		assertThat(this.api
			.post(null, "/api/v1/auth/token", Map.of("username", admin.username(), "password", TestData.PASSWORD))
			.status()).isEqualTo(200);
		assertThat(tokenFrom("127.0.1.1", admin.username(), "wrong-password-again").status())
			.as("failures before the unlock no longer count")
			.isEqualTo(401);
		assertThat(tokenFrom("127.0.1.1", admin.username(), TestData.PASSWORD).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where action = 'LOGIN_UNLOCKED' and target_id = ? and actor_username = 'admin'""")
			.param(admin.username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAdministratorSeesALockedLoginOnItsPageInBothLanguagesAndUnlocksIt() {
		TestData.Employee rep = this.data.employee("locked.rep", null, null, "SALES");
		for (int i = 0; i < 5; i++) {
			tokenFrom("127.0.0.4", rep.username(), "wrong-password-" + i);
		}
		assertThat(tokenFrom("127.0.0.4", rep.username(), TestData.PASSWORD).status()).isEqualTo(429);
		WebSession admin = new WebSession(this.port);
		admin.logIn("admin", TestData.ADMIN_PASSWORD);

		HttpResponse<String> chinese = admin.get("/admin/login-lockouts?lang=zh_CN");
		assertThat(chinese.statusCode()).isEqualTo(200);
		assertThat(chinese.body()).contains("被锁定的登录", rep.username(), "127.0.0.4", "解锁");
		HttpResponse<String> english = admin.get("/admin/login-lockouts?lang=en");
		assertThat(english.body()).contains("Locked logins", rep.username(), "Unlock");

		HttpResponse<String> unlocked = admin.post("/admin/login-lockouts/unlock",
				Map.of("username", rep.username(), "_csrf", WebSession.csrfToken(english)));

		assertThat(unlocked.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/login-lockouts?lang=en").body()).contains("The username is unlocked.")
			.doesNotContain("data-username=\"" + rep.username() + "\"");
		assertThat(tokenFrom("127.0.0.4", rep.username(), TestData.PASSWORD).status()).isEqualTo(200);
		WebSession peer = new WebSession(this.port);
		peer.logIn(rep.username(), TestData.PASSWORD);
		assertThat(peer.get("/admin/login-lockouts").statusCode()).isEqualTo(403);
	}

	// hole 11: the API description and the metrics

	@Test
	void theApiDescriptionAndTheMetricsAreNotForAnonymousCallers() {
		WebSession anonymous = new WebSession(this.port);
		for (String docs : List.of("/api/docs", "/api/docs/ui", "/api/docs/swagger-config")) {
			HttpResponse<String> answer = anonymous.get(docs);
			assertThat(answer.statusCode()).as(docs).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
			assertThat(answer.body()).doesNotContain("/api/v1/customers");
		}
		HttpResponse<String> metrics = anonymous.get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(401);
		assertThat(metrics.body()).doesNotContain("jvm_");
		assertThat(anonymous.get("/actuator/health").statusCode()).as("health is on the management port only")
			.isEqualTo(404);

		WebSession employee = new WebSession(this.port);
		employee.logIn(this.data.employee("docs.reader", null, null, "SALES").username(), TestData.PASSWORD);
		assertThat(employee.get("/api/docs").body()).contains("/api/v1/customers");
		assertThat(employee.get("/actuator/prometheus").statusCode()).as("an employee is not the scraper")
			.isEqualTo(401);

		assertThat(
				raw("127.0.0.1", "GET", "/actuator/prometheus", Map.of("Authorization", basic("wrong-password")), null)
					.status())
			.isEqualTo(401);
		Reply scraped = raw("127.0.0.1", "GET", "/actuator/prometheus",
				Map.of("Authorization", basic("scraper-password-for-tests")), null);
		assertThat(scraped.status()).as("the metrics are on the management port only (OperationsIntegrationTests)")
			.isEqualTo(404);
		assertThat(scraped.body()).doesNotContain("jvm_");
	}

	// hole 11: passwords

	@Test
	void commonPasswordsPasswordsWithTheUsernameAndRepeatedCharactersAreRefusedWhereverAPasswordIsSet() {
		String username = TestData.unique("wang.wei");
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("1q2w3e4r5t", "common");
		refused.put("Password2024!", "common");
		refused.put(username.toUpperCase(java.util.Locale.ROOT) + "-spring", "username");
		refused.put("aaaaaaaaaaaa", "repeated");
		refused.put("１１１１１１１１１１", "repeated");
		refused.forEach((password, why) -> {
			Api.Response created = this.api.post(this.data.adminToken(), "/api/v1/employees",
					Map.of("username", username, "displayName", "王伟", "password", password));
			assertThat(created.status()).as("%s (%s): %s", password, why, created).isEqualTo(400);
			assertThat(created.body().get("fields").get("password").asString()).isNotBlank();
		});
		assertThat(this.jdbc.sql("select count(*) from employee where username = ?")
			.param(username)
			.query(Long.class)
			.single()).as("nothing was created").isZero();

		TestData.Employee rep = this.data.employee("li.na", null, null, "SALES");
		Api.Response changed = this.api.patch(this.data.adminToken(), "/api/v1/employees/" + rep.id(),
				Map.of("password", "qwertyuiop"));
		assertThat(changed.status()).isEqualTo(400);
		assertThat(changed.body().get("fields").get("password").asString())
			.isEqualTo("is one of the most common passwords: choose another");
		assertThat(this.data.token(rep)).as("the old password still works").isNotBlank();

		WebSession admin = new WebSession(this.port);
		admin.logIn("admin", TestData.ADMIN_PASSWORD);
		HttpResponse<String> form = admin.get("/admin/employees/new?lang=zh_CN");
		HttpResponse<String> page = admin.post("/admin/employees", Map.of("username", username, "displayName", "王伟",
				"password", username + "2026", "_csrf", WebSession.csrfToken(form)));
		assertThat(page.body()).contains("不能包含用户名");
		admin.get("/admin/employees/new?lang=en");
		page = admin.post("/admin/employees", Map.of("username", username, "displayName", "王伟", "password",
				"iloveyou12345", "_csrf", WebSession.csrfToken(form)));
		assertThat(page.body()).contains("is one of the most common passwords");
	}

	// hole 11: the Host header

	@Test
	void aForgedHostHeaderIsNeverReflectedInARedirectOrLocation() {
		String base = "http://localhost:" + this.port;
		Map<String, String> evil = Map.of("Host", "evil.example");

		Reply toLogin = raw("127.0.0.1", "GET", "/customers", evil, null);
		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.header("Location")).isEqualTo(base + "/login");

		Reply loginPage = raw("127.0.0.1", "GET", "/login", evil, null);
		String cookies = loginPage.cookies() + "; " + toLogin.cookies();
		TestData.Employee rep = this.data.employee("host.rep", null, null, "SALES");
		Map<String, String> headers = new LinkedHashMap<>(evil);
		headers.put("Cookie", cookies);
		headers.put("Content-Type", "application/x-www-form-urlencoded");
		Reply loggedIn = raw("127.0.0.1", "POST", "/login", headers, form(
				Map.of("username", rep.username(), "password", TestData.PASSWORD, "_csrf", csrf(loginPage.body()))));
		assertThat(loggedIn.status()).as(loggedIn.toString()).isEqualTo(302);
		assertThat(loggedIn.header("Location")).as("back to the page asked for, at the configured address")
			.isEqualTo(base + "/customers");

		Reply failed = raw("127.0.0.1", "POST", "/login", headers, form(
				Map.of("username", rep.username(), "password", "not-the-password", "_csrf", csrf(loginPage.body()))));
		assertThat(failed.header("Location")).isEqualTo(base + "/login?error");

		String scimToken = this.api.post(this.data.adminToken(), "/api/v1/scim-tokens", Map.of("name", "Okta"))
			.text("token");
		Map<String, String> scim = new LinkedHashMap<>(evil);
		scim.put("Authorization", "Bearer " + scimToken);
		scim.put("Content-Type", "application/scim+json");
		Reply created = raw("127.0.0.1", "POST", "/scim/v2/Users", scim,
				"{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
						+ TestData.unique("zhao.lei") + "\",\"displayName\":\"赵磊\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).startsWith(base + "/scim/v2/Users/");
		assertThat(created.body()).doesNotContain("evil.example");

		for (Reply reply : List.of(toLogin, loginPage, loggedIn, failed, created)) {
			assertThat(reply.raw()).doesNotContain("evil.example");
		}
	}

	// hole 11: GET /login and sessions

	@Test
	void lookingAtTheLoginPageWritesNoSessionRowAndTheFormIsStillProtected() {
		long since = System.currentTimeMillis() - 1;
		for (int i = 0; i < 20; i++) {
			WebSession visitor = new WebSession(this.port);
			assertThat(visitor.get("/login").statusCode()).isEqualTo(200);
			assertThat(visitor.get("/customers").statusCode()).isEqualTo(302);
			assertThat(visitor.get("/login?lang=en").statusCode()).isEqualTo(200);
			assertThat(visitor.cookies()).doesNotContainKey("SESSION");
		}
		assertThat(sessionsCreatedSince(since)).as("no session row for anonymous visitors").isZero();

		TestData.Employee rep = this.data.employee("session.rep", null, null, "SALES");
		WebSession noToken = new WebSession(this.port);
		noToken.get("/login");
		assertThat(
				noToken.post("/login", Map.of("username", rep.username(), "password", TestData.PASSWORD)).statusCode())
			.as("the CSRF token is still required")
			.isEqualTo(403);
		WebSession otherCookie = new WebSession(this.port);
		String token = WebSession.csrfToken(otherCookie.get("/login"));
		WebSession forger = new WebSession(this.port);
		assertThat(
				forger.post("/login", Map.of("username", rep.username(), "password", TestData.PASSWORD, "_csrf", token))
					.statusCode())
			.as("a token without its cookie, as a forged cross-site form sends it")
			.isEqualTo(403);
		assertThat(sessionsCreatedSince(since)).isZero();

		WebSession browser = new WebSession(this.port);
		assertThat(browser.logIn(rep.username(), TestData.PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.get("/customers").statusCode()).isEqualTo(200);
		assertThat(sessionsCreatedSince(since)).as("the login's own session").isEqualTo(1);
		assertThat(
				browser.post("/logout", Map.of("_csrf", WebSession.csrfToken(browser.get("/customers")))).statusCode())
			.isEqualTo(302);
	}

	// hole 11: TOTP codes

	@Test
	void aTokenSentAlongWithABrowserSessionDoesNotTakeTheSessionOver() {
		TestData.Employee owner = this.data.employee("wang.fang", null, null, "SALES");
		TestData.Employee other = this.data.employee("li.qiang", null, null, "SALES");
		WebSession browser = new WebSession(this.port);
		browser.logIn(owner.username(), TestData.PASSWORD);

		HttpResponse<String> withToken = browser.get("/api/v1/me", "Authorization", "Bearer " + this.data.token(other));
		assertThat(withToken.body()).as("the token speaks for its own employee").contains(other.username());

		HttpResponse<String> after = browser.get("/");
		assertThat(after.statusCode()).as("the browser session still opens the pages").isEqualTo(200);
		assertThat(after.body()).as("the browser session is still its owner's")
			.contains(owner.username())
			.doesNotContain(other.username());
	}

	@Test
	void theCodeThatConfirmedTheEnrolmentDoesNotLogInAgain() {
		TestData.Employee rep = this.data.employee("totp.rep", null, null, "SALES");
		String token = this.data.token(rep);
		String secret = this.api.post(token, "/api/v1/me/two-factor", Map.of()).text("secret");
		String code = TotpCodes.code(secret, TotpCodes.step(Instant.now()));
		assertThat(this.api.post(token, "/api/v1/me/two-factor/confirm", Map.of("code", code)).status()).isEqualTo(200);

		Api.Response replayed = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", rep.username(), "password", TestData.PASSWORD, "code", code));
		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
		WebSession web = new WebSession(this.port);
		String csrf = WebSession.csrfToken(web.get("/login"));
		assertThat(web
			.post("/login",
					Map.of("username", rep.username(), "password", TestData.PASSWORD, "code", code, "_csrf", csrf))
			.headers()
			.firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

		String next = TotpCodes.code(secret, TotpCodes.step(Instant.now()) + 1);
		assertThat(this.api
			.post(null, "/api/v1/auth/token",
					Map.of("username", rep.username(), "password", TestData.PASSWORD, "code", next))
			.status()).as("the app's next code works, once").isEqualTo(200);
	}

	private JsonNode lockedLogin(String username) {
		Api.Response list = this.api.get(this.data.adminToken(), "/api/v1/login-lockouts");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		for (JsonNode login : list.body()) {
			if (login.get("username").asString().equals(username)) {
				return login;
			}
		}
		return null;
	}

	private long sessionsCreatedSince(long millis) {
		return this.jdbc.sql("select count(*) from spring_session where creation_time >= ?")
			.param(millis)
			.query(Long.class)
			.single();
	}

	private Reply tokenFrom(String address, String username, String password) {
		return raw(address, "POST", "/api/v1/auth/token", Map.of("Content-Type", "application/json"),
				json.writeValueAsString(Map.of("username", username, "password", password)));
	}

	private static String dottedUpper(TestData.Employee employee) {
		return "\u0130" + employee.username().substring(1).toUpperCase(java.util.Locale.ROOT);
	}

	private static String fullWidth(String ascii) {
		StringBuilder wide = new StringBuilder();
		ascii.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7f && c != '.' ? (char) (c + 0xFEE0) : (char) c));
		return wide.toString();
	}

	private static String basic(String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString(("prometheus:" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String csrf(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a CSRF token in %s", page).isTrue();
		return matcher.group(1);
	}

	/**
	 * One HTTP/1.0 exchange over a socket bound to the given loopback address, with the
	 * headers exactly as given (a client chooses its Host header).
	 */
	private Reply raw(String fromAddress, String method, String path, Map<String, String> headers, String body) {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\n");
		if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
			request.append("Host: localhost:").append(this.port).append("\r\n");
		}
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("User-Agent: holdfast-tests-raw\r\nContent-Length: ").append(content.length).append("\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(fromAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			return Reply.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	record Reply(int status, Map<String, List<String>> headers, String body, String raw) {

		static Reply parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String[] lines = raw.substring(0, end).split("\r\n");
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				String[] header = lines[i].split(":", 2);
				headers.computeIfAbsent(header[0].strip().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
					.add(header[1].strip());
			}
			return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4), raw);
		}

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
			return values == null ? null : values.get(0);
		}

		/** The cookies set, as a Cookie header would send them back. */
		String cookies() {
			return this.headers.getOrDefault("set-cookie", List.of())
				.stream()
				.map(cookie -> cookie.split(";", 2)[0])
				.filter(pair -> !pair.split("=", 2)[1].isEmpty())
				.collect(Collectors.joining("; "));
		}

		JsonNode json() {
			return InsiderAttackLoginIntegrationTests.json.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
