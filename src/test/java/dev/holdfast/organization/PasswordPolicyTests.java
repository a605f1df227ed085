package dev.holdfast.organization;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import dev.holdfast.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	@SuppressWarnings("deprecation")
	private final PasswordPolicy policy = new PasswordPolicy(NoOpPasswordEncoder.getInstance());

	@Test
	void theDenyListShippedInTheJarHoldsAtLeastTenThousandPasswords() {
		assertThat(this.policy.listSize()).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCaseOrWidth() {
		refused("wang.wei", "1q2w3e4r5t", PasswordPolicy.COMMON);
		refused("wang.wei", "QWERTYUIOP", PasswordPolicy.COMMON);
		refused("wang.wei", "ｐａｓｓｗｏｒｄ１２３", PasswordPolicy.COMMON);
		refused("wang.wei", "password2024!", PasswordPolicy.COMMON);
		refused("wang.wei", "iloveyou12345", PasswordPolicy.COMMON);
	}

	@Test
	void aPasswordContainingTheUsernameIsRefused() {
		refused("wang.wei", "wang.wei-2026-spring", PasswordPolicy.CONTAINS_USERNAME);
		refused("wang.wei", "My-WANG.WEI-secret", PasswordPolicy.CONTAINS_USERNAME);
		refused("admin", "chief-admin-password", PasswordPolicy.CONTAINS_USERNAME);
	}

	@Test
	void oneCharacterRepeatedIsRefused() {
		refused("wang.wei", "aaaaaaaaaaaa", PasswordPolicy.REPEATED);
		refused("wang.wei", "AaAaAaAaAaAa", PasswordPolicy.REPEATED);
		refused("wang.wei", "１１１１１１１１１１", PasswordPolicy.REPEATED);
	}

	@Test
	void ordinaryPasswordsPass() {
		assertThatCode(() -> this.policy.check("wang.wei", "password-for-tests")).doesNotThrowAnyException();
		assertThatCode(() -> this.policy.check("admin", "chief-password-for-tests")).doesNotThrowAnyException();
		assertThatCode(() -> this.policy.check("east.sales1", "demo-password-for-tests")).doesNotThrowAnyException();
		assertThatCode(() -> this.policy.check("admin", FirstAdministrator.randomPassword()))
			.doesNotThrowAnyException();
		assertThat(this.policy.hash("wang.wei", "长城饭店三楼会议室-7")).isEqualTo("长城饭店三楼会议室-7");
	}

	private void refused(String username, String password, String message) {
		assertThatThrownBy(() -> this.policy.hash(username, password)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fields()).containsEntry("password", message));
	}

}
