package dev.holdfast.system;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's refusal reaches the page in the reader's language: the sentence of
 * {@code OwnPasswords} is shown by the password form through its {@code service.*} key
 * (i18n/service).
 */
@HoldfastIntegrationTest
class ServiceMessagesOnPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aChineseReaderIsToldInChineseWhyTheirNewPasswordIsRefused() {
		TestData data = new TestData(new Api(this.port));
		long department = data.department("西北销售部", null);
		TestData.Employee rep = data.employee("ma.li", department, null, "SALES");
		WebSession browser = new WebSession(this.port);
		browser.logIn(rep.username(), TestData.PASSWORD);

		HttpResponse<String> form = browser.get("/security/password?lang=zh_CN");
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> refused = browser.post("/security/password", Map.of("currentPassword", TestData.PASSWORD,
				"password", "太短了", "repeat", "太短了", "_csrf", WebSession.csrfToken(form)));

		assertThat(refused.statusCode()).as("the form again with the refusal").isEqualTo(422);
		assertThat(refused.body()).contains("须为 10 到 128 个字符").doesNotContain("must be 10 to 128 characters");

		HttpResponse<String> english = browser.post("/security/password?lang=en",
				Map.of("currentPassword", TestData.PASSWORD, "password", "too short", "repeat", "too short", "_csrf",
						WebSession.csrfToken(refused)));
		assertThat(english.body()).as("the base bundle is the sentence itself")
			.contains("must be 10 to 128 characters");
	}

}
