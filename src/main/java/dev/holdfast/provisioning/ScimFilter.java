package dev.holdfast.provisioning;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters identity providers send to find a user before creating it (RFC 7644
 * §3.4.2.2, the {@code eq} operator): {@code userName eq "x"}, {@code externalId eq "x"}
 * or {@code id eq "x"}. Anything else is refused with {@code invalidFilter} rather than
 * answered wrongly. (A full filter grammar would mean a SCIM SDK built on Jackson 2 next
 * to Boot's Jackson 3, for one expression the providers send.)
 *
 * @param attribute {@code username}, {@code externalid} or {@code id} (lower case)
 */
record ScimFilter(String attribute, String value) {

	private static final Pattern EQ = Pattern.compile("\\s*([A-Za-z][\\w.:]*)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*",
			Pattern.CASE_INSENSITIVE);

	private static final String CORE_PREFIX = ScimUserState.CORE_SCHEMA.toLowerCase(Locale.ROOT) + ":";

	private static final Set<String> ATTRIBUTES = Set.of("username", "externalid", "id");

	static ScimFilter parse(String filter) {
		Matcher matcher = EQ.matcher(filter);
		if (!matcher.matches()) {
			throw ScimException.invalidFilter("supported: userName eq \"...\", externalId eq \"...\", id eq \"...\"");
		}
		String attribute = matcher.group(1).toLowerCase(Locale.ROOT);
		if (attribute.startsWith(CORE_PREFIX)) {
			attribute = attribute.substring(CORE_PREFIX.length());
		}
		if (!ATTRIBUTES.contains(attribute)) {
			throw ScimException.invalidFilter("filtering by " + matcher.group(1) + " is not supported");
		}
		return new ScimFilter(attribute, matcher.group(2).replaceAll("\\\\(.)", "$1"));
	}

}
