package dev.holdfast.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.RequestClient;
import dev.holdfast.shared.Sha256;
import dev.holdfast.audit.AuditAction;

/**
 * Opaque bearer tokens: 256 random bits handed out once; only their SHA-256 is stored, so
 * a database dump holds no usable token. Tokens expire, end when unused for the idle
 * timeout, and can be revoked.
 */
@Service
class ApiTokens {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecurityProperties properties;

	private final AuditTrail audit;

	private final SessionProperties sessions;

	private final HoldfastClock clock;

	ApiTokens(JdbcClient jdbc, SecurityProperties properties, AuditTrail audit, SessionProperties sessions,
			HoldfastClock clock) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	record IssuedToken(String token, Instant expiresAt) {
	}

	@Transactional
	public IssuedToken issue(HoldfastUser user) {
		long employeeId = user.employeeId();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expiresAt = this.clock.now().plus(this.properties.tokenLifetime()).truncatedTo(ChronoUnit.SECONDS);
		RequestClient client = RequestClient.current();
		Long id = this.jdbc.sql("""
				insert into api_token (employee_id, token_hash, expires_at, client_ip, user_agent)
				values (?, ?, ?, ?, ?) returning id""")
			.params(employeeId, hash(token), Timestamp.from(expiresAt), client.ip(), client.userAgent())
			.query(Long.class)
			.single();
		this.audit.recordAs(employeeId, user.username(), AuditAction.TOKEN_ISSUED, "api_token", id, Map.of());
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * The employee a valid, unexpired, unrevoked token belongs to. The last use is
	 * written at most once a minute, so that reading through the API does not turn every
	 * request into a write.
	 */
	@Transactional
	public Optional<TokenUse> use(String token) {
		String hash = hash(token);
		Optional<TokenUse> use = this.jdbc.sql("""
				select employee_id, created_at, coalesce(last_used_at < now() - interval '1 minute', true) as stale
				from api_token where token_hash = ? and revoked_at is null and expires_at > now()
				  and coalesce(last_used_at, created_at) > now() - ? * interval '1 second'""")
			.params(hash, this.sessions.idleTimeout().toSeconds())
			.query((rs, row) -> new TokenUse(rs.getLong("employee_id"), rs.getTimestamp("created_at").toInstant(),
					rs.getBoolean("stale")))
			.optional();
		use.filter(TokenUse::stale)
			.ifPresent(u -> this.jdbc.sql("update api_token set last_used_at = now() where token_hash = ?")
				.param(hash)
				.update());
		return use;
	}

	record TokenUse(long employeeId, Instant createdAt, boolean stale) {
	}

	@Transactional
	public void revoke(String token) {
		this.jdbc
			.sql("update api_token set revoked_at = now() where token_hash = ? and revoked_at is null returning id")
			.param(hash(token))
			.query(Long.class)
			.optional()
			.ifPresent(id -> this.audit.record(AuditAction.TOKEN_REVOKED, "api_token", id, Map.of()));
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}

}
