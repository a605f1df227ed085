package dev.holdfast.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's console welcome says whom to log in as, and shows a password only when it
 * was generated to be printed.
 */
class DemoWelcomeTests {

	@Test
	void aGeneratedPasswordIsShownWithTheAccounts() {
		String text = DemoWelcome.text("http://localhost:8080", "Xq3-generated-9Lp", true);
		assertThat(text).contains("http://localhost:8080", "Xq3-generated-9Lp", "shown once")
			.contains("east.sales1", "east.manager", "director", "service1", "hr.manager", "auditor", "it.admin")
			.contains("two-factor", "两步验证");
	}

	@Test
	void aGivenPasswordIsNamedNeverShown() {
		String text = DemoWelcome.text("http://localhost:8080", null, false);
		assertThat(text).contains("HOLDFAST_DEMO_PASSWORD", "east.sales1")
			.doesNotContain("shown once", "two-factor")
			.as("not the steps of a new company")
			.doesNotContain("First login", "Add departments");
	}

}
