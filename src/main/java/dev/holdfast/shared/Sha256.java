package dev.holdfast.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text, for secrets that are random and long enough to be stored as a plain
 * hash (API and SCIM tokens, recovery codes) and for references that must not reveal what
 * they point at (session ids).
 */
public final class Sha256 {

	private Sha256() {
	}

	public static byte[] of(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	public static String hex(String text) {
		return HexFormat.of().formatHex(of(text));
	}

}
