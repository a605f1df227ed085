package dev.holdfast.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an event: SHA-256 over the previous event's hash and every field of this
 * one, each written with its length so that no two different events can produce the same
 * input.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(String previousHash, ChainedFields fields) {
		StringBuilder input = new StringBuilder();
		append(input, previousHash);
		append(input, Long.toString(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, fields.occurredAt())));
		append(input, fields.actorId() == null ? null : fields.actorId().toString());
		append(input, fields.actorUsername());
		append(input, fields.action());
		append(input, fields.targetType());
		append(input, fields.targetId());
		append(input, fields.clientIp());
		append(input, fields.userAgent());
		append(input, fields.details());
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	private static void append(StringBuilder input, String value) {
		if (value == null) {
			input.append("-1:");
		}
		else {
			input.append(value.length()).append(':').append(value);
		}
		input.append('|');
	}

}
