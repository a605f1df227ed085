package dev.holdfast.security;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.SingleSignOnProvider;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.security.NoPasswordAfterSingleSignOn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end in headless Chromium against a real OpenID Connect provider
 * (NAV's mock-oauth2-server: discovery, authorization code flow, signed ID tokens) that
 * the shared context is configured with ({@link SingleSignOnProvider}): the employee is
 * matched by username or e-mail, someone unknown is refused, and once someone has used
 * it, their password no longer logs them in.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@ExtendWith(NoPasswordAfterSingleSignOn.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnBrowserIntegrationTests {

	private static final MockOAuth2Server provider = SingleSignOnProvider.server();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	private Api api;

	private TestData data;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void anEmployeeLogsInThroughTheProviderAndNoLongerWithAPassword() {
		Employee rep = this.data.employee("rep", this.data.department("深圳销售部", null), null, "SALES");
		assertThat(this.data.token(rep)).as("a password works before the first single sign-on").isNotBlank();
		signInAs("sub-" + rep.username(), Map.of("preferred_username", rep.username()));

		this.browser.open("/login");
		this.browser.screenshot("sso-login");
		this.browser.click("#login-sso");
		this.browser.find("#logout");
		this.browser.open("/customers");
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/customers");
		this.browser.screenshot("sso-logged-in");
		assertThat(audited(rep, "LOGIN_SUCCEEDED", "SSO")).isEqualTo(1);
		assertThat(this.jdbc.sql("select subject from sso_identity where employee_id = ?")
			.param(rep.id())
			.query(String.class)
			.single()).isEqualTo("sub-" + rep.username());

		Api.Response password = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", rep.username(), "password", TestData.PASSWORD));
		assertThat(password.status()).isEqualTo(403);
		assertThat(password.text("error")).isEqualTo("login_refused");
	}

	@Test
	void anEmployeeIsFoundByEMailAndSomeoneUnknownIsRefused() {
		Employee rep = this.data.employee("rep", null, null, "SALES");
		String email = rep.username() + "@corp.example.cn";
		this.jdbc.sql("update employee set email = ? where id = ?").params(email, rep.id()).update();
		signInAs("sub-mail-" + rep.username(), Map.of("preferred_username", "someone-else", "email", email));
		this.browser.driver().manage().deleteAllCookies();
		this.browser.open("/login");
		this.browser.click("#login-sso");
		this.browser.find("#logout");
		assertThat(audited(rep, "LOGIN_SUCCEEDED", "SSO")).isEqualTo(1);

		signInAs("sub-stranger",
				Map.of("preferred_username", "stranger-" + rep.username(), "email", "stranger@corp.example.cn"));
		this.browser.driver().manage().deleteAllCookies();
		this.browser.open("/login");
		this.browser.click("#login-sso");
		this.browser.find("#login-sso-failed");
		assertThat(this.browser.driver().getCurrentUrl()).contains("/login?sso");
		this.browser.open("/customers");
		assertThat(this.browser.driver().getCurrentUrl()).contains("/login");
	}

	private static void signInAs(String subject, Map<String, Object> claims) {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback(SingleSignOnProvider.ISSUER, subject, "JWT",
				List.of(SingleSignOnProvider.CLIENT), claims, 3600));
	}

	private long audited(Employee employee, String action, String method) {
		return this.jdbc
			.sql("""
					select count(*) from audit_event where action = ? and actor_id = ? and details::jsonb ->> 'method' = ?""")
			.params(action, employee.id(), method)
			.query(Long.class)
			.single();
	}

}
