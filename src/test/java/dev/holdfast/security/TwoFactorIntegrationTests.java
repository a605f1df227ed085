package dev.holdfast.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.ContextSwitch;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor login with the policy on for sales managers: a manager without a factor
 * reaches only the enrolment page and gets no API token; with the right code they log in;
 * a code is accepted once; recovery codes work once; an administrator's reset is audited.
 */
@HoldfastIntegrationTest
@ExtendWith(TwoFactorIntegrationTests.EnforcedForManagers.class)
class TwoFactorIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\"[^>]*>([A-Z2-7]+)<");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	Employee manager;

	Employee rep;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long dept = this.data.department("杭州销售部", null);
		this.manager = this.data.employee("mgr", dept, null, "SALES_MANAGER");
		this.rep = this.data.employee("rep", dept, this.manager.id(), "SALES");
	}

	@Test
	void aManagerWithoutASecondFactorCannotLogInUntilEnrolledAndThenNeedsTheCodeOnce() {
		Api.Response refused = token(this.manager, null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("error")).isEqualTo("two_factor_enrolment_required");

		WebSession web = new WebSession(this.port);
		assertThat(web.logIn(this.manager.username(), TestData.PASSWORD).statusCode()).isEqualTo(302);
		HttpResponse<String> customers = web.get("/customers");
		assertThat(customers.statusCode()).isEqualTo(302);
		assertThat(customers.headers().firstValue("Location").orElseThrow()).endsWith("/security/two-factor");

		HttpResponse<String> enrolment = web.get("/security/two-factor");
		assertThat(enrolment.body()).contains("data:image/png;base64,");
		String secret = secretOn(enrolment);
		assertThat(web.get("/security/two-factor").body()).as("a reload shows the same secret").contains(secret);
		String csrf = WebSession.csrfToken(enrolment);
		HttpResponse<String> wrong = web.post("/security/two-factor/confirm",
				Map.of("code", wrongCode(secret), "_csrf", csrf));
		assertThat(wrong.body()).contains("is-invalid");
		assertThat(web.get("/customers").statusCode()).isEqualTo(302);

		String confirming = currentCode(secret);
		HttpResponse<String> confirmed = web.post("/security/two-factor/confirm",
				Map.of("code", confirming, "_csrf", csrf));
		assertThat(confirmed.body()).contains("recovery-code");
		assertThat(web.get("/customers").statusCode()).isEqualTo(200);

		Api.Response withoutCode = token(this.manager, null);
		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.text("error")).isEqualTo("two_factor_required");
		assertThat(token(this.manager, wrongCode(secret)).status()).isEqualTo(401);
		assertThat(token(this.manager, confirming).status()).as("the code that confirmed the enrolment is used up")
			.isEqualTo(401);
		// the app's next code (a step of clock drift is accepted)
		String code = TotpCodes.code(secret, TotpCodes.step(Instant.now()) + 1);
		assertThat(token(this.manager, code).status()).isEqualTo(200);
		assertThat(token(this.manager, code).status()).as("a replayed code").isEqualTo(401);
		assertThat(audited("TWO_FACTOR_ENROLLED", this.manager)).isEqualTo(1);
	}

	@Test
	void anyoneMayEnrolARecoveryCodeWorksOnceAndAnAdministratorsResetIsAudited() {
		String token = token(this.rep, null).text("token");
		Api.Response started = this.api.post(token, "/api/v1/me/two-factor", Map.of());
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		String secret = started.text("secret");
		assertThat(started.text("otpauthUri")).startsWith("otpauth://totp/").contains("secret=" + secret);
		assertThat(this.api.post(token, "/api/v1/me/two-factor/confirm", Map.of("code", wrongCode(secret))).status())
			.isEqualTo(400);
		Api.Response confirmed = this.api.post(token, "/api/v1/me/two-factor/confirm",
				Map.of("code", currentCode(secret)));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		List<String> recovery = new ArrayList<>();
		confirmed.body().get("recoveryCodes").forEach(c -> recovery.add(c.asString()));
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
		assertThat(this.api.post(token, "/api/v1/me/two-factor", Map.of()).status()).isEqualTo(409);

		byte[] stored = this.jdbc.sql("select secret from two_factor where employee_id = ?")
			.param(this.rep.id())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);

		assertThat(token(this.rep, recovery.get(3)).status()).isEqualTo(200);
		assertThat(token(this.rep, recovery.get(3)).status()).as("a used recovery code").isEqualTo(401);

		String peer = token(this.data.employee("rep", null, null, "SALES"), null).text("token");
		assertThat(this.api.delete(peer, "/api/v1/employees/" + this.rep.id() + "/two-factor").status()).isEqualTo(403);
		assertThat(
				this.api.delete(this.data.adminToken(), "/api/v1/employees/" + this.rep.id() + "/two-factor").status())
			.isEqualTo(204);
		assertThat(audited("TWO_FACTOR_RESET", this.rep)).isEqualTo(1);
		assertThat(token(this.rep, null).status()).isEqualTo(200);
	}

	@Test
	void aLoginFromOutsideTheRolesAddressesIsRefusedAndAudited() {
		Employee auditor = this.data.employee("audit", null, null, "AUDITOR");
		Api.Response refused = token(auditor, null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("error")).isEqualTo("login_refused");
		WebSession web = new WebSession(this.port);
		assertThat(web.logIn(auditor.username(), TestData.PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("/login?refused");
		assertThat(audited("LOGIN_REFUSED", auditor)).isEqualTo(2);
		assertThat(token(this.rep, null).status()).as("a role without limits").isEqualTo(200);
	}

	private Api.Response token(Employee employee, String code) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("username", employee.username(), "password", TestData.PASSWORD));
		if (code != null) {
			body.put("code", code);
		}
		return this.api.post(null, "/api/v1/auth/token", body);
	}

	private long audited(String action, Employee target) {
		return this.jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
			.params(action, String.valueOf(target.id()))
			.query(Long.class)
			.single();
	}

	private static String secretOn(HttpResponse<String> page) {
		Matcher matcher = SECRET.matcher(page.body());
		assertThat(matcher.find()).as("the secret on %s", page.body()).isTrue();
		return matcher.group(1);
	}

	private static String currentCode(String secret) {
		return TotpCodes.code(secret, TotpCodes.step(Instant.now()));
	}

	/** A code valid for none of the steps around now. */
	private static String wrongCode(String secret) {
		long step = TotpCodes.step(Instant.now());
		List<String> valid = List.of(TotpCodes.code(secret, step - 1), TotpCodes.code(secret, step),
				TotpCodes.code(secret, step + 1), TotpCodes.code(secret, step + 2));
		int guess = 0;
		while (valid.contains(String.format("%06d", guess))) {
			guess++;
		}
		return String.format("%06d", guess);
	}

	/**
	 * The policy on for sales managers only ({@code holdfast.security.two-factor.*}), and
	 * auditors only from 10.20.0.0/16 ({@code holdfast.security.access.*}), in the shared
	 * context for this class.
	 */
	static class EnforcedForManagers extends ContextSwitch {

		@Override
		protected Runnable apply(ApplicationContext context) {
			TwoFactorProperties policy = context.getBean(TwoFactorProperties.class);
			Runnable twoFactor = replace(context, policy,
					new TwoFactorProperties(true, Set.of("SALES_MANAGER"), policy.issuer(), policy.recoveryCodes()));
			AccessRules access = context.getBean(AccessRules.class);
			Map<String, AccessRules.RoleAccess> roles = new HashMap<>(access.roles());
			roles.put("AUDITOR", new AccessRules.RoleAccess(List.of("10.20.0.0/16"), null));
			Runnable auditors = replace(context, access, new AccessRules(roles));
			return () -> {
				auditors.run();
				twoFactor.run();
			};
		}

	}

}
