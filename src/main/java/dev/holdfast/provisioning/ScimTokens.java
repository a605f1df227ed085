package dev.holdfast.provisioning;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.Sha256;
import dev.holdfast.audit.AuditAction;

/**
 * SCIM tokens: 256 random bits shown once to the administrator who creates them; only
 * their SHA-256 is stored, as for API tokens. They don't expire (an identity provider
 * can't log in again) but can be revoked.
 */
@Service
class ScimTokens {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ScimTokens(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A token as issued: the only time its value is shown. */
	record Issued(long id, String name, String token) {
	}

	/** A token as listed, without its value. */
	record ScimTokenView(long id, String name, long createdBy, Instant createdAt, Instant lastUsedAt,
			Instant revokedAt) {
	}

	/** A valid token: who created it. */
	record Use(long id, String name, long createdBy) {
	}

	@Transactional
	public Issued issue(String name) {
		Permission.ROLE_MANAGE.require();
		// the name goes into the audit trail's actor username (at most 64 characters)
		if (name == null || name.isBlank() || name.strip().length() > 50) {
			throw new InvalidInputException("name", "1 to 50 characters, e.g. the identity provider");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = "scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = this.jdbc.sql("insert into scim_token (name, token_hash, created_by) values (?, ?, ?) returning id")
			.params(name.strip(), hash(token), CurrentEmployee.id())
			.query(Long.class)
			.single();
		this.audit.record(AuditAction.SCIM_TOKEN_CREATED, "scim_token", id, Map.of());
		return new Issued(id, name.strip(), token);
	}

	@Transactional(readOnly = true)
	public List<ScimTokenView> list() {
		Permission.ROLE_MANAGE.require();
		return this.jdbc.sql("""
				select id, name, created_by, created_at, last_used_at, revoked_at from scim_token order by id desc""")
			.query((rs, row) -> new ScimTokenView(rs.getLong(1), rs.getString(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
			.list();
	}

	@Transactional
	public void revoke(long id) {
		Permission.ROLE_MANAGE.require();
		int revoked = this.jdbc.sql("update scim_token set revoked_at = now() where id = ? and revoked_at is null")
			.param(id)
			.update();
		if (revoked == 0) {
			throw new NotFoundException("scim token");
		}
		this.audit.record(AuditAction.SCIM_TOKEN_REVOKED, "scim_token", id, Map.of());
	}

	/**
	 * The unrevoked token with this value; its last use is written at most once a minute.
	 */
	@Transactional
	public Optional<Use> use(String token) {
		String hash = hash(token);
		Optional<Use> use = this.jdbc
			.sql("select id, name, created_by from scim_token where token_hash = ? and revoked_at is null")
			.param(hash)
			.query((rs, row) -> new Use(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.optional();
		use.ifPresent(u -> this.jdbc.sql("""
				update scim_token set last_used_at = now()
				where id = ? and coalesce(last_used_at < now() - interval '1 minute', true)""").param(u.id()).update());
		return use;
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
