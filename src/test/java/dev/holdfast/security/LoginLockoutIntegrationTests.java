package dev.holdfast.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

@HoldfastIntegrationTest
class LoginLockoutIntegrationTests {

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

	/**
	 * All from this test's address: the lock is per username and client address (other
	 * addresses: {@link InsiderAttackLoginIntegrationTests}).
	 */
	@Test
	void fiveFailuresLockTheUsernameFromThatAddressEvenForTheRightPassword() {
		TestData.Employee target = this.data.employee("locked", null, null, "SALES");
		TestData.Employee bystander = this.data.employee("bystander", null, null, "SALES");

		for (int i = 0; i < 5; i++) {
			assertThat(login(target.username(), "wrong-password-" + i).status()).isEqualTo(401);
		}

		Api.Response locked = login(target.username(), TestData.PASSWORD);
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.raw()).doesNotContain("token");
		assertThat(login(target.username().toUpperCase(), TestData.PASSWORD).status())
			.as("the lock holds whatever the case of the username")
			.isEqualTo(429);
		assertThat(login(bystander.username(), TestData.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void fourFailuresDoNotLock() {
		TestData.Employee target = this.data.employee("four", null, null, "SALES");

		for (int i = 0; i < 4; i++) {
			assertThat(login(target.username(), "wrong-password-" + i).status()).isEqualTo(401);
		}

		assertThat(login(target.username(), TestData.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aSuccessfulLoginStartsTheCountAgain() {
		TestData.Employee target = this.data.employee("reset", null, null, "SALES");
		for (int i = 0; i < 4; i++) {
			login(target.username(), "wrong-password-" + i);
		}
		assertThat(login(target.username(), TestData.PASSWORD).status()).isEqualTo(200);

		for (int i = 0; i < 4; i++) {
			assertThat(login(target.username(), "wrong-password-again-" + i).status()).isEqualTo(401);
		}

		assertThat(login(target.username(), TestData.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void guessingUnknownUsernamesLocksThemToo() {
		String nobody = TestData.unique("ghost");
		for (int i = 0; i < 5; i++) {
			login(nobody, "wrong-password-" + i);
		}

		assertThat(login(nobody, "anything-at-all").status()).isEqualTo(429);
	}

	@Test
	void aRefusedLoginOfALockedUsernameIsAudited() {
		TestData.Employee target = this.data.employee("lockaudit", null, null, "SALES");
		for (int i = 0; i < 5; i++) {
			login(target.username(), "wrong-password-" + i);
		}

		assertThat(login(target.username(), TestData.PASSWORD).status()).isEqualTo(429);

		long lockedEvents = this.jdbc
			.sql("select count(*) from audit_event where action = 'LOGIN_LOCKED' and target_id = ?")
			.param(target.username().toLowerCase())
			.query(Long.class)
			.single();
		assertThat(lockedEvents).isEqualTo(1);
	}

	private Api.Response login(String username, String password) {
		return this.api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
	}

}
