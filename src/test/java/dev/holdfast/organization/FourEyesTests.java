package dev.holdfast.organization;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * {@code holdfast.security.four-eyes}: by default on once there are two active
 * administrators, so that a company with one is not locked out; {@code true} and
 * {@code false} decide outright.
 */
class FourEyesTests {

	@Test
	void byDefaultASecondAdministratorTurnsItOn() {
		assertThat(fourEyes(null, 1).required()).isFalse();
		assertThat(fourEyes("", 1).required()).isFalse();
		assertThat(fourEyes("auto", 2).required()).isTrue();
		assertThat(fourEyes(null, 3).required()).isTrue();
	}

	@Test
	void trueAndFalseDecideWhateverTheNumberOfAdministrators() {
		assertThat(fourEyes("true", 1).required()).isTrue();
		assertThat(fourEyes(" TRUE ", 0).required()).isTrue();
		assertThat(fourEyes("false", 5).required()).isFalse();
	}

	@Test
	void anythingElseStopsTheStart() {
		assertThatThrownBy(() -> new FourEyesProperties("yes")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("four-eyes");
	}

	private static FourEyes fourEyes(String setting, int administrators) {
		LoginAccounts accounts = mock(LoginAccounts.class);
		when(accounts.activeHolders("role.manage", null))
			.thenReturn(LongStream.rangeClosed(1, administrators).boxed().toList());
		return new FourEyes(new FourEyesProperties(setting), accounts);
	}

}
