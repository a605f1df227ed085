package dev.holdfast.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: the first administrator keeps the stored name 管理员, but an English page greets
 * them as "Administrator", not with Chinese characters.
 */
@HoldfastIntegrationTest
class FirstAdministratorNameIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theFirstAdministratorIsGreetedInTheReadersLanguage() {
		WebSession admin = new WebSession(this.port);
		admin.logIn("admin", TestData.ADMIN_PASSWORD);

		String english = admin.get("/?lang=en").body();
		assertThat(english).contains("Welcome, Administrator")
			.contains(">Administrator</a>")
			.doesNotContain("Welcome, 管理员");
		String chinese = admin.get("/?lang=zh_CN").body();
		assertThat(chinese).contains(">管理员</a>").doesNotContain("Administrator</a>");
	}

}
