package dev.holdfast.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Usernames;

/**
 * The one way a password becomes a hash, wherever it is set (a new employee, a change, a
 * reset, the first administrator, the demo company, SCIM): it is refused with a 400 on
 * {@code password} when it is one of the 30,000 most common passwords (zxcvbn's list,
 * shipped in its jar), or one of them with digits or symbols added at the end, when it
 * contains the username, or when it is one character repeated.
 */
@Component
class PasswordPolicy {

	static final String COMMON = "is one of the most common passwords: choose another";

	static final String CONTAINS_USERNAME = "must not contain the username";

	static final String REPEATED = "must not be one character repeated";

	/** zxcvbn's frequency list of leaked passwords, one a line, most common first. */
	private static final String LIST = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private static final Pattern TRAILING_DIGITS_OR_SYMBOLS = Pattern.compile("[\\d\\p{Punct}\\s]+$");

	private final Set<String> common;

	private final PasswordEncoder encoder;

	PasswordPolicy(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.common = load();
	}

	/** The hash of an acceptable password for this username; 400 otherwise. */
	String hash(String username, String password) {
		check(username, password);
		return this.encoder.encode(password);
	}

	void check(String username, String password) {
		String folded = fold(password);
		if (folded.codePoints().distinct().count() <= 1) {
			throw new InvalidInputException("password", REPEATED);
		}
		String name = Usernames.canonical(username);
		if (!name.isEmpty() && Usernames.canonical(password).contains(name)) {
			throw new InvalidInputException("password", CONTAINS_USERNAME);
		}
		String base = TRAILING_DIGITS_OR_SYMBOLS.matcher(folded).replaceAll("");
		if (this.common.contains(folded) || (base.length() >= 4 && this.common.contains(base))) {
			throw new InvalidInputException("password", COMMON);
		}
	}

	int listSize() {
		return this.common.size();
	}

	private static String fold(String password) {
		return Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	private static Set<String> load() {
		InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST);
		if (in == null) {
			throw new IllegalStateException("the list of common passwords is missing from the class path: " + LIST);
		}
		Set<String> passwords = new HashSet<>(40_000);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty())
				.map(PasswordPolicy::fold)
				.forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}
