package dev.holdfast.organization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console says when the first administrator is made: a new company's first
 * steps, or, under the demo company, only the administrator's generated password.
 */
class FirstAdministratorTests {

	@Test
	void aNewCompanyGetsTheStepsOfTheFirstLogin() {
		assertThat(FirstAdministrator.banner("http://localhost:8080", "pw-generated-123"))
			.contains("http://localhost:8080", "pw-generated-123", "First login / 首次登录", "Add departments");
	}

	@Test
	void theDemoCompanyGetsNoStepsOfANewCompany() {
		assertThat(FirstAdministrator.demoBanner("pw-generated-123")).contains("admin", "pw-generated-123")
			.contains("demo company")
			.doesNotContain("First login", "首次登录", "Add departments");
	}

	@Test
	void aPickerLabelTellsNamesakesApart() {
		assertThat(EmployeeChoices.label("张伟", "华东销售组", "zhang.wei"))
			.isNotEqualTo(EmployeeChoices.label("张伟", "华南销售组", "zhang.wei2"))
			.isEqualTo("张伟 · 华东销售组 · zhang.wei");
		assertThat(EmployeeChoices.label("张伟", null, "zhang.wei")).isEqualTo("张伟 · zhang.wei");
	}

}
