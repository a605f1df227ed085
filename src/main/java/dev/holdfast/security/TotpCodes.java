package dev.holdfast.security;

import java.time.Instant;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * RFC 6238 codes: six digits, SHA-1, 30-second steps, one step of clock drift either way
 * (what every authenticator app uses). Tells which step a code belongs to, so that each
 * step is accepted only once.
 */
final class TotpCodes {

	static final int PERIOD_SECONDS = 30;

	private static final CodeGenerator generator = new DefaultCodeGenerator();

	private TotpCodes() {
	}

	static String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	static long step(Instant at) {
		return at.getEpochSecond() / PERIOD_SECONDS;
	}

	/** The step, within one of now, whose code this is; empty for a wrong code. */
	static OptionalLong matchingStep(String secret, String code, Instant now) {
		if (code == null || !code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	static String code(String secret, long step) {
		try {
			return generator.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("cannot compute a TOTP code", ex);
		}
	}

}
