package dev.holdfast.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.holdfast.MainSources;
import dev.holdfast.shared.web.FormErrors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sentence a service refuses with reaches a Chinese reader in Chinese. The pages
 * translate a service's English sentence by the key {@code service.<sentence with _ for
 * every other character>} ({@code FormErrors.translate}); a number in it is an argument
 * ({@code {0}} in the key's sentence). The rule reads every construction of the refusals
 * in the main sources and takes its message argument:
 * <ul>
 * <li>a literal (or literals, as in a choice between two) needs its key in English and
 * Chinese;
 * <li>a constant of the same file counts as its literal;
 * <li>a concatenation needs the key of its sentence with {@code {0}}, {@code {1}}, … for
 * the parts between the literals, which must be numbers; a concatenation of words is
 * listed in {@link #NOT_SHOWN} with why no page shows it;
 * <li>a variable needs its sentences' source in {@link #PASSED_THROUGH}, whose literal
 * last arguments are checked in turn, or an entry in {@link #NOT_SHOWN}.
 * </ul>
 * Codes (the first argument of a conflict) and field names are never read as messages.
 * {@code NotFoundException} is left out (every 404 page says {@code error.notFound}), so
 * is {@code SuspendedException} (always {@code risk.error.suspended}); a
 * {@code NoticePeriodException}'s sentence is shown if it has a key, else
 * {@code error.noticePeriod}. See docs/ui.md.
 */
class ServiceMessagesTranslatedTests {

	private static final Pattern CONSTRUCTION = Pattern
		.compile("new (Conflict|InvalidInput|Forbidden|NoticePeriod|Suspended|TooManyRequests)Exception\\(");

	/**
	 * Messages held in a variable whose sentences come through a method or a map: the
	 * site ({@code file: expression}) → the call whose last argument is the sentence.
	 */
	private static final Map<String, String> PASSED_THROUGH = Map.ofEntries(
			Map.entry("shared/CustomerWork.java: reason", "CustomerWork.require("),
			Map.entry("care/ManualVisitRules.java: reason", "requireCoordinator("),
			Map.entry("organization/Approvals.java: reason", "requireAdministrator("),
			Map.entry("customer/duplicate/DuplicateCheck.java: message", "visibleDuplicate("),
			Map.entry("followup/TemplateValues.java: errors", "errors.put("),
			Map.entry("imports/ColumnMappings.java: errors", "errors.put("),
			Map.entry("offboarding/CompanyChecklistItems.java: errors", "errors.put("),
			Map.entry("offboarding/Rotations.java: errors", "errors.put("),
			Map.entry("evidence/EvidencePackages.java: errors", "errors.put("),
			Map.entry("imports/web/MappingInput.java: errors", "errors.put("),
			Map.entry("shared/RowErrors.java: this.fields", "errors.add("));

	/** Messages no page shows as they are, and why (site → reason). */
	private static final Map<String, String> NOT_SHOWN = Map.ofEntries(
			Map.entry("shared/GuardedAction.java: this.code + \" is not allowed while serving notice\"",
					"names a code: forms and pages say error.noticePeriod"),
			Map.entry("shared/Permission.java: this.code + \" is not allowed while serving notice\"",
					"names a code: forms and pages say error.noticePeriod"),
			Map.entry("shared/Permission.java: \"missing permission \" + this.code",
					"a route's declared permission, refused before the handler: the 403 page says error.forbidden"),
			Map.entry("customer/transfer/TransferLimit.java: \"the customer changed hands \"",
					"TransferErrors shows transfer.limit with the conflict's details"),
			Map.entry("customer/transfer/TransferLimit.java: reached.size()",
					"TransferErrors shows transfer.bulkLimit with the conflict's details"),
			Map.entry("customer/MovedInChecks.java: \"customers[\"",
					"a row of the moved-in import API (JSON); no page sends it"),
			Map.entry("organization/OrganizationManagement.java: \"unknown permission(s): \"",
					"role editing offers only known permissions; a made-up code comes from the API"),
			Map.entry("organization/OrganizationManagement.java: \"unknown role(s): \"",
					"role choices offer only known roles; a made-up code comes from the API"),
			Map.entry("care/ComplaintForm.java: \"one of \" + String.join",
					"the form offers these choices only; another value comes from the API"),
			Map.entry("system/FormPages.java: errors", "Spring's binding messages, already in the user's language"),
			Map.entry("imports/web/MappingInput.java: renamed",
					"the service's messages, translated where they are put"),
			Map.entry("backup/Backups.java: ex.getMessage()",
					"the backup tool's own reason, for the administrator's API client"));

	@Test
	void everyRefusalSentenceHasAKeyInEnglishAndChinese() throws IOException {
		Properties english = bundles("");
		Properties chinese = bundles("_zh_CN");
		Map<String, String> sources = MainSources.java();
		Set<String> used = new TreeSet<>();
		List<String> missing = new ArrayList<>();
		int sentences = 0;
		for (Map.Entry<String, String> file : sources.entrySet()) {
			String source = file.getValue();
			Matcher construction = CONSTRUCTION.matcher(source);
			while (construction.find()) {
				String message = message(construction.group(1), arguments(source, construction.end()));
				if (message == null) {
					continue;
				}
				String site = file.getKey() + ": " + message;
				if (exemption(site, used) != null) {
					continue;
				}
				List<String> found = new ArrayList<>();
				if (PASSED_THROUGH.containsKey(site)) {
					used.add(site);
					found.addAll(passedThrough(sources, PASSED_THROUGH.get(site)));
				}
				else if (isConcatenation(message)) {
					found.add(template(message));
				}
				else if (message.matches("[A-Z][A-Z0-9_]*")) {
					found.addAll(literals(constant(source, message, site)));
				}
				else {
					found.addAll(literals(message));
					if (found.isEmpty()) {
						missing.add(site + " (not a sentence: pass a literal or list it here)");
					}
				}
				for (String sentence : found) {
					sentences++;
					String key = FormErrors.key(sentence);
					if (!english.containsKey(key)) {
						missing.add(file.getKey() + ": " + key + "=" + sentence + " (English)");
					}
					if (!chinese.containsKey(key)) {
						missing.add(file.getKey() + ": " + key + "=" + sentence + " (Chinese)");
					}
				}
			}
		}
		assertThat(sentences).as("the scan finds the sentences").isGreaterThan(200);
		assertThat(missing).as("refusal sentences without a translation").isEmpty();
		Set<String> listed = new TreeSet<>(PASSED_THROUGH.keySet());
		listed.addAll(NOT_SHOWN.keySet());
		assertThat(used).as("every listed site still exists").isEqualTo(listed);
	}

	@Test
	void theRuleReadsMessagesNotCodes() {
		assertThat(message("Conflict", arguments("(\"stale\", \"the customer changed meanwhile\")", 1)))
			.isEqualTo("\"the customer changed meanwhile\"");
		assertThat(message("InvalidInput", arguments("(\"name\", \"must not be blank\")", 1)))
			.isEqualTo("\"must not be blank\"");
		assertThat(literals(message("InvalidInput",
				arguments("(Map.of(\"from\", \"must not be after to\", \"to\", \"x, y\"))", 1))))
			.containsExactly("must not be after to", "x, y");
		assertThat(message("Forbidden", arguments("(\"not yours\", \"error.noCustomerWork\")", 1)))
			.isEqualTo("\"not yours\"");
		assertThat(template("\"at most \" + MAX_FILES + \" files at a time\""))
			.isEqualTo("at most {0} files at a time");
		assertThat(isConcatenation("a > 0 ? \"a + b\" : \"c\"")).isFalse();
	}

	/**
	 * The message argument of a construction; {@code Map.of(field, message, ...)} gives
	 * its messages only.
	 */
	private static String message(String kind, List<String> arguments) {
		if (kind.equals("Suspended")) {
			// worded by the pages themselves: risk.error.suspended
			return null;
		}
		if (kind.equals("Conflict")) {
			return arguments.size() > 1 ? arguments.get(1) : null;
		}
		if (kind.equals("InvalidInput") && arguments.size() == 1) {
			String map = arguments.get(0);
			if (map.startsWith("Map.of(")) {
				List<String> entries = arguments(map, "Map.of(".length());
				List<String> messages = new ArrayList<>();
				for (int i = 1; i < entries.size(); i += 2) {
					messages.add(entries.get(i));
				}
				return String.join(" ; ", messages);
			}
			return map;
		}
		if (kind.equals("InvalidInput")) {
			return arguments.get(1);
		}
		return arguments.isEmpty() || arguments.get(0).isEmpty() ? null : arguments.get(0);
	}

	private static String exemption(String site, Set<String> used) {
		for (String listed : NOT_SHOWN.keySet()) {
			if (site.startsWith(listed)) {
				used.add(listed);
				return NOT_SHOWN.get(listed);
			}
		}
		return null;
	}

	/** The sentences in the last argument of every call of {@code call}. */
	private static List<String> passedThrough(Map<String, String> sources, String call) {
		List<String> sentences = new ArrayList<>();
		for (String source : sources.values()) {
			int at = source.indexOf(call);
			while (at >= 0) {
				List<String> arguments = arguments(source, at + call.length());
				String last = arguments.get(arguments.size() - 1);
				if (isConcatenation(last)) {
					sentences.add(template(last));
				}
				else {
					sentences.addAll(literals(last));
				}
				at = source.indexOf(call, at + 1);
			}
		}
		assertThat(sentences).as(call).isNotEmpty();
		return sentences;
	}

	private static String constant(String source, String name, String site) {
		Matcher definition = Pattern.compile("String " + name + "\\s*=\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+);")
			.matcher(source);
		assertThat(definition.find()).as(site + ": a String constant of the same file").isTrue();
		return String.join("", literals(definition.group(1)));
	}

	/** Whether the expression joins strings with {@code +} outside its literals. */
	private static boolean isConcatenation(String expression) {
		return outsideLiterals(expression).contains("+");
	}

	/**
	 * The sentence of a concatenation as the pages look it up: its literals joined, each
	 * other part a number, and every number an argument.
	 */
	private static String template(String expression) {
		StringBuilder sentence = new StringBuilder();
		for (String part : splitTopLevel(expression, '+')) {
			String trimmed = part.strip();
			if (trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
				sentence.append(String.join("", literals(trimmed)));
			}
			else {
				sentence.append('1');
			}
		}
		return FormErrors.template(sentence.toString());
	}

	private static List<String> literals(String expression) {
		List<String> found = new ArrayList<>();
		Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(expression);
		while (literal.find()) {
			found.add(literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
		}
		return found;
	}

	private static String outsideLiterals(String expression) {
		return expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'(?:[^'\\\\]|\\\\.)'", "''");
	}

	/** The arguments of the call whose opening parenthesis ends before {@code from}. */
	private static List<String> arguments(String source, int from) {
		List<String> arguments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int depth = 0;
		for (int i = from; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '"' || c == '\'') {
				int end = i + 1;
				while (source.charAt(end) != c) {
					end += (source.charAt(end) == '\\') ? 2 : 1;
				}
				current.append(source, i, end + 1);
				i = end;
			}
			else if (c == '(' || c == '[' || c == '{') {
				depth++;
				current.append(c);
			}
			else if (c == ')' || c == ']' || c == '}') {
				if (depth == 0) {
					break;
				}
				depth--;
				current.append(c);
			}
			else if (c == ',' && depth == 0) {
				arguments.add(normalized(current));
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		arguments.add(normalized(current));
		return arguments;
	}

	private static List<String> splitTopLevel(String expression, char separator) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (c == '"') {
				int end = i + 1;
				while (expression.charAt(end) != c) {
					end += (expression.charAt(end) == '\\') ? 2 : 1;
				}
				current.append(expression, i, end + 1);
				i = end;
				continue;
			}
			if (c == '(' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == ']') {
				depth--;
			}
			if (c == separator && depth == 0) {
				parts.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		parts.add(current.toString());
		return parts;
	}

	private static String normalized(CharSequence argument) {
		return argument.toString().strip().replaceAll("\\s+", " ");
	}

	private static Properties bundles(String suffix) throws IOException {
		Properties merged = new Properties();
		for (String bundle : MessagesTests.bundles()) {
			var stream = ServiceMessagesTranslatedTests.class
				.getResourceAsStream("/" + bundle + suffix + ".properties");
			assertThat(stream).as(bundle + suffix).isNotNull();
			try (var in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
				merged.load(in);
			}
		}
		return merged;
	}

}
