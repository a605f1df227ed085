package dev.holdfast.shared.web;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.TransactionSystemException;

import dev.holdfast.shared.AccessDenials;
import dev.holdfast.shared.crypto.UnreadableDataLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that lost a race for locks (attack, stop 22: a pool claim during an import's
 * commit deadlocked on the audit chain's lock and answered 500) is answered as something
 * to send again, and any other failure still as the server's.
 */
class ContentionTests {

	private final StaticListableBeanFactory beans = new StaticListableBeanFactory();

	private final ApiErrorHandler handler = new ApiErrorHandler(this.beans.getBeanProvider(AccessDenials.class),
			this.beans.getBeanProvider(UnreadableDataLog.class));

	@Test
	void aDeadlockVictimIsAConflictToRetry() {
		SQLException deadlock = new SQLException("ERROR: deadlock detected", "40P01");
		ResponseEntity<Map<String, Object>> answer = this.handler.unexpected(
				new TransactionSystemException("commit failed", new UncategorizedSQLException("claim", "", deadlock)),
				new MockHttpServletRequest("POST", "/api/v1/pool/customers/7/claim"));

		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(answer.getBody()).containsEntry("error", "busy");
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
	}

	@Test
	void aLockNotObtainedIsOneToo() {
		assertThat(Contention.in(new CannotAcquireLockException("lock"))).isTrue();
		assertThat(Contention.in(new RuntimeException(new SQLException("could not serialize", "40001")))).isTrue();
	}

	@Test
	void anyOtherFailureIsStillTheServers() {
		assertThat(Contention.in(new RuntimeException(new SQLException("syntax error", "42601")))).isFalse();
		ResponseEntity<Map<String, Object>> answer = this.handler.unexpected(new IllegalStateException("bug"),
				new MockHttpServletRequest("GET", "/api/v1/customers"));
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
	}

}
