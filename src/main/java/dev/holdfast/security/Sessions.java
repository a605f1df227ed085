package dev.holdfast.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Sha256;
import dev.holdfast.audit.AuditAction;

/**
 * An employee's open web sessions and API tokens, with device, address and last use, and
 * ending one of them. A session is named by a hash of its id, so the list never hands out
 * a usable session id.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Service
class Sessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Sessions(FindByIndexNameSessionRepository<? extends Session> sessions, JdbcClient jdbc, AuditTrail audit) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * One login: a web session ({@code WEB}, id {@code w-…}) or an API token
	 * ({@code API}, id {@code t-…}).
	 */
	record OpenLogin(String id, String kind, Instant createdAt, Instant lastUsedAt, String ip, String userAgent,
			boolean current) {
	}

	List<OpenLogin> of(long employeeId, String username, String currentSessionId) {
		List<OpenLogin> open = new ArrayList<>();
		this.sessions.findByPrincipalName(username)
			.forEach((id,
					session) -> open.add(new OpenLogin("w-" + reference(id), "WEB", session.getCreationTime(),
							session.getLastAccessedTime(), session.getAttribute(LoginSuccess.CLIENT_IP),
							session.getAttribute(LoginSuccess.USER_AGENT), id.equals(currentSessionId))));
		open.addAll(this.jdbc.sql("""
				select id, created_at, coalesce(last_used_at, created_at) as last_used, client_ip, user_agent
				from api_token where employee_id = ? and revoked_at is null and expires_at > now()""")
			.param(employeeId)
			.query((rs, row) -> new OpenLogin("t-" + rs.getLong("id"), "API", rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("last_used").toInstant(), rs.getString("client_ip"), rs.getString("user_agent"),
					false))
			.list());
		open.sort(Comparator.comparing(OpenLogin::lastUsedAt).reversed());
		return open;
	}

	/** Ends one of the employee's logins; 404 if it is not theirs (or already ended). */
	@Transactional
	void end(long employeeId, String username, String id) {
		boolean ended = id.startsWith("t-") ? endToken(employeeId, id.substring(2))
				: id.startsWith("w-") && endSession(username, id.substring(2));
		if (!ended) {
			throw new NotFoundException("session");
		}
		this.audit.record(AuditAction.SESSION_ENDED, "employee", employeeId,
				Map.of("kind", id.startsWith("t-") ? "API" : "WEB"));
	}

	private boolean endToken(long employeeId, String tokenId) {
		if (!tokenId.matches("\\d{1,18}")) {
			return false;
		}
		return this.jdbc
			.sql("update api_token set revoked_at = now() where id = ? and employee_id = ? and revoked_at is null")
			.params(Long.parseLong(tokenId), employeeId)
			.update() == 1;
	}

	private boolean endSession(String username, String reference) {
		Optional<String> sessionId = this.sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> reference(id).equals(reference))
			.findFirst();
		sessionId.ifPresent(this.sessions::deleteById);
		return sessionId.isPresent();
	}

	private static String reference(String sessionId) {
		return Sha256.hex(sessionId).substring(0, 24);
	}

}
