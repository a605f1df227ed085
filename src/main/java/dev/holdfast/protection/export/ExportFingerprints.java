package dev.holdfast.protection.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes of the names, phones and e-mails an export file holds, in a normal form
 * that survives reordering, re-saving in a spreadsheet and stray spaces; the values
 * themselves are never stored.
 */
@Component
public class ExportFingerprints {

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d*()\\-]{7,}");

	private static final Pattern NOT_DIGIT = Pattern.compile("[^\\d]");

	private static final Pattern NOT_DIGIT_OR_STAR = Pattern.compile("[^\\d*]");

	private final JdbcClient jdbc;

	private final SecretKeySpec key;

	ExportFingerprints(JdbcClient jdbc, ExportProperties properties) {
		this.jdbc = jdbc;
		this.key = new SecretKeySpec(properties.trace().key().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * The normal form of one value: without the quote that neutralises formulas and
	 * without spaces; a phone as its digits (mainland numbers without +86), with the
	 * asterisks of a masked one; lower case.
	 */
	public static String normalize(String value) {
		String v = value.strip();
		if (v.startsWith("'")) {
			v = v.substring(1);
		}
		v = SPACE.matcher(v).replaceAll("").toLowerCase(Locale.ROOT);
		if (PHONE_LIKE.matcher(v).matches() && NOT_DIGIT.matcher(v).replaceAll("").length() >= 7) {
			v = NOT_DIGIT_OR_STAR.matcher(v).replaceAll("");
			if (v.length() == 13 && v.startsWith("86")) {
				v = v.substring(2);
			}
		}
		return v;
	}

	void store(long exportId, ExportTable table) {
		List<String> all = List.copyOf(hashes(table));
		for (int from = 0; from < all.size(); from += 1000) {
			this.jdbc
				.sql("insert into export_fingerprint (export_id, hash) select :id, h from unnest(array[:hashes]) as h")
				.param("id", exportId)
				.param("hashes", all.subList(from, Math.min(all.size(), from + 1000)))
				.update();
		}
	}

	/** The hashes of the table's identifying values, each once. */
	Set<String> hashes(ExportTable table) {
		Mac mac = mac();
		Set<String> hashes = new TreeSet<>();
		for (List<String> row : table.rows()) {
			for (int column : table.identifying()) {
				hashOf(row.get(column), mac).ifPresent(hashes::add);
			}
		}
		return hashes;
	}

	public Optional<String> hashOf(String value) {
		return hashOf(value, mac());
	}

	private static Optional<String> hashOf(String value, Mac mac) {
		String normal = value == null ? "" : normalize(value);
		if (normal.length() < 2) {
			return Optional.empty();
		}
		return Optional.of(HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * A keyed MAC for one thread (a Mac is not thread-safe; doFinal resets it for the
	 * next value).
	 */
	private Mac mac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** For each export that holds some of these hashes: how many. */
	public Map<Long, Integer> matches(Collection<String> hashes) {
		Map<Long, Integer> counts = new HashMap<>();
		if (hashes.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("select export_id, count(*) from export_fingerprint where hash = any(:hashes) group by export_id")
			.param("hashes", hashes.toArray(String[]::new))
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

}
