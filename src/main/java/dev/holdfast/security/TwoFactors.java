package dev.holdfast.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.ApprovableAction;
import dev.holdfast.organization.ApprovalPendingException;
import dev.holdfast.organization.Approvals;
import dev.holdfast.organization.EmployeeReactivated;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Sha256;
import dev.holdfast.audit.AuditAction;

/**
 * Each employee's second factor: enrolment (a new secret, confirmed by a first code),
 * verification at login (each 30-second step once, or a one-time recovery code), and the
 * administrator's reset. Secrets are stored encrypted; recovery codes only as hashes.
 */
@Service
class TwoFactors {

	static final EncryptedColumn SECRET = new EncryptedColumn("two_factor", "secret");

	static final String RESET = "SECOND_FACTOR_RESET";

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final TwoFactorProperties properties;

	private final SecureRandom random = new SecureRandom();

	private final Approvals approvals;

	private final HoldfastClock clock;

	TwoFactors(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, TwoFactorProperties properties,
			Approvals approvals, HoldfastClock clock) {
		this.approvals = approvals;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** The secret and how to show it to an authenticator app (a link and a QR code). */
	record Enrolment(String secret, String otpauthUri, String qrCode) {
	}

	@Transactional
	Enrolment start(long employeeId, String username) {
		if (enrolled(employeeId)) {
			throw new ConflictException("already_enrolled",
					"two-factor login is already on; an administrator can reset it");
		}
		// the pending secret stays until confirmed, so reloading the page shows the same
		// code
		Optional<String> pending = secret(
				"select secret from two_factor where employee_id = ? and confirmed_at is null", employeeId);
		String secret = pending.orElseGet(TotpCodes::newSecret);
		if (pending.isEmpty()) {
			this.jdbc.sql("""
					insert into two_factor (employee_id, secret) values (?, ?)
					on conflict (employee_id) do nothing""")
				.params(employeeId, this.cipher.encrypt(secret, SECRET))
				.update();
			this.audit.record(AuditAction.TWO_FACTOR_ENROLMENT_STARTED, "employee", employeeId, Map.of());
		}
		return new Enrolment(secret, QrCodes.otpauthUri(this.properties.issuer(), username, secret),
				QrCodes.dataUri(this.properties.issuer(), username, secret));
	}

	/**
	 * Turns the factor on with a first code, which is then used up like a code given at
	 * login; returns the recovery codes, shown once.
	 */
	@Transactional
	List<String> confirm(long employeeId, String code) {
		Optional<String> secret = pendingSecret(employeeId);
		if (secret.isEmpty()) {
			throw new ConflictException("no_enrolment", "start the enrolment first, or it is already confirmed");
		}
		OptionalLong step = TotpCodes.matchingStep(secret.get(), code, this.clock.now());
		if (step.isEmpty()) {
			throw new InvalidInputException("code", "wrong code: enter the six digits your app shows now");
		}
		// the confirming code is used up: it can't log in as well, a code works once
		// whatever it was for
		this.jdbc.sql("update two_factor set confirmed_at = now(), last_used_step = ? where employee_id = ?")
			.params(step.getAsLong(), employeeId)
			.update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < this.properties.recoveryCodes(); i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			this.jdbc.sql("insert into two_factor_recovery_code (employee_id, code_hash) values (?, ?)")
				.params(employeeId, hash(recovery))
				.update();
		}
		this.audit.record(AuditAction.TWO_FACTOR_ENROLLED, "employee", employeeId, Map.of());
		return codes;
	}

	boolean enrolled(long employeeId) {
		return this.jdbc.sql("select count(*) from two_factor where employee_id = ? and confirmed_at is not null")
			.param(employeeId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the code is this employee's current TOTP code, not used before, or one of
	 * their unused recovery codes; either way it cannot be used again.
	 */
	@Transactional
	boolean verify(long employeeId, String username, String code, Instant now) {
		String given = code == null ? "" : code.strip();
		if (given.matches("\\d{6}")) {
			Optional<String> secret = confirmedSecret(employeeId);
			OptionalLong step = secret.isEmpty() ? OptionalLong.empty()
					: TotpCodes.matchingStep(secret.get(), given, now);
			return step.isPresent() && this.jdbc.sql("""
					update two_factor set last_used_step = :step
					where employee_id = :employee and (last_used_step is null or last_used_step < :step)""")
				.param("step", step.getAsLong())
				.param("employee", employeeId)
				.update() == 1;
		}
		boolean used = !given.isEmpty() && this.jdbc.sql("""
				update two_factor_recovery_code set used_at = ?
				where employee_id = ? and code_hash = ? and used_at is null""")
			.params(Timestamp.from(now), employeeId, hash(given))
			.update() == 1;
		if (used) {
			this.audit.recordAs(employeeId, username, AuditAction.TWO_FACTOR_RECOVERY_CODE_USED, "employee", employeeId,
					Map.of());
		}
		return used;
	}

	/**
	 * Removes a lost factor; the employee enrols again. For someone with access to
	 * customers only an administrator may, with a second administrator's approval when
	 * four-eyes is on ({@link ApprovalPendingException}, nothing removed yet).
	 */
	@Transactional(noRollbackFor = ApprovalPendingException.class)
	void reset(long employeeId) {
		this.approvals.checkCredentialChange(employeeId, RESET);
		remove(employeeId, "administrator");
	}

	/** A departed employee came back: whatever factor they had is gone with the rest. */
	@EventListener
	void on(EmployeeReactivated reactivated) {
		remove(reactivated.employeeId(), "reactivated");
	}

	@Transactional
	void remove(long employeeId, String reason) {
		int removed = this.jdbc.sql("delete from two_factor where employee_id = ?").param(employeeId).update();
		this.jdbc.sql("delete from two_factor_recovery_code where employee_id = ?").param(employeeId).update();
		this.audit.record(AuditAction.TWO_FACTOR_RESET, "employee", employeeId,
				Map.of("hadFactor", removed > 0, "reason", reason));
	}

	private Optional<String> pendingSecret(long employeeId) {
		return secret("select secret from two_factor where employee_id = ? and confirmed_at is null for update",
				employeeId);
	}

	private Optional<String> confirmedSecret(long employeeId) {
		return secret("select secret from two_factor where employee_id = ? and confirmed_at is not null", employeeId);
	}

	private Optional<String> secret(String sql, long employeeId) {
		return this.jdbc.sql(sql)
			.param(employeeId)
			.query((rs, row) -> this.cipher.decrypt(rs.getBytes(1), SECRET))
			.optional();
	}

	private String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			code.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
		}
		return code.insert(5, '-').toString();
	}

	/** Recovery codes are random and long: a plain SHA-256 is enough, no slow hash. */
	private static byte[] hash(String recoveryCode) {
		return Sha256.of(recoveryCode.strip().toUpperCase(java.util.Locale.ROOT).replace("-", ""));
	}

	/**
	 * The column, declared so that the re-encryption after a key rotation finds the
	 * secrets; and the reset, for a second administrator's approval.
	 */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Columns {

		@Bean
		EncryptedColumn twoFactorSecret() {
			return SECRET;
		}

		/** The reset, as a second administrator approved it. */
		@Bean
		ApprovableAction secondFactorReset(@Lazy TwoFactors twoFactors) {
			return ApprovableAction.of(RESET, (employeeId, payload) -> {
				twoFactors.remove(employeeId, "administrator");
				return employeeId;
			});
		}

	}

}
