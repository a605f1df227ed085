package dev.holdfast.shared.web;

import java.sql.SQLTransientConnectionException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.holdfast.shared.AccessDenials;
import dev.holdfast.shared.crypto.UnreadableDataLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that found no database connection within the pool's timeout (sales day under
 * load: a login storm held the pool and the requests behind it answered 500) is answered
 * 503 with {@code Retry-After}, which nginx and clients retry; any other failure is still
 * the server's.
 */
class OverloadTests {

	private final StaticListableBeanFactory beans = new StaticListableBeanFactory();

	private final ApiErrorHandler handler = new ApiErrorHandler(this.beans.getBeanProvider(AccessDenials.class),
			this.beans.getBeanProvider(UnreadableDataLog.class));

	@Test
	void aTransactionThatGotNoConnectionInTimeIsUnavailableForAMoment() {
		// what JpaTransactionManager throws when Hikari times out
		SQLTransientConnectionException timeout = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 30000ms");
		ResponseEntity<Map<String, Object>> answer = this.handler.unexpected(
				new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", timeout),
				new MockHttpServletRequest("POST", "/api/v1/customers/7/follow-ups"));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getBody()).containsEntry("error", "unavailable");
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(Overload.RETRY_AFTER_SECONDS);
	}

	@Test
	void aJdbcCallThatGotNoConnectionIsOneToo() {
		assertThat(Overload.in(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))).isTrue();
	}

	@Test
	void anyOtherFailureIsNot() {
		assertThat(Overload.in(new IllegalStateException("bug", new RuntimeException("cause")))).isFalse();
		assertThat(this.handler
			.unexpected(new IllegalStateException("bug"), new MockHttpServletRequest("GET", "/api/v1/customers"))
			.getStatusCode()
			.value()).isEqualTo(500);
	}

}
