package dev.holdfast.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No code reaches people without a label in both languages. Every enum of the main code
 * is found by classpath scanning, so a new enum is checked without anyone listing it; the
 * few that never reach a person are excluded below, each with its reason. Audit actions
 * are text, written where they happen: they are found in the sources.
 */
class LabelCompletenessTests {

	/** Enums that are never shown to a person, and why. */
	private static final Map<String, String> TECHNICAL = Map.of(
			// the visibility policy's verdict inside services: an invisible customer
			// answers 404
			"dev.holdfast.customer.CustomerAccess", "decision of the visibility policy, never shown",
			// the reading meter's buckets; refusals are worded by their own messages
			"dev.holdfast.risk.ReadBudget", "bucket of the reading meter, never shown",
			// file formats people know by their extension (JPEG, PNG, PDF)
			"dev.holdfast.followup.AttachmentType", "file format, shown as its extension",
			// how the audit trail reads a fact; only the reading is shown
			"dev.holdfast.audit.DetailReadings$Way", "way of reading an audit fact, never shown");

	/** Actions whose name is computed: the file, and every action it may write. */
	private static final Map<String, Set<String>> COMPUTED_ACTIONS = Map.of("Approvals.java",
			Set.of("APPROVAL_APPROVED", "APPROVAL_REJECTED"), "FollowUpTemplates.java",
			Set.of("FOLLOW_UP_TEMPLATE_CREATED", "FOLLOW_UP_TEMPLATE_CHANGED"), "Complaints.java", complaintActions());

	private static final Pattern CALL = Pattern
		.compile("(?:(?:audit\\(\\)|audit|trail)\\s*(\\.record|\\.recordAs)|(new AuditEntry))\\(");

	private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");

	@Test
	void everyConstantOfEveryEnumShownToPeopleHasALabelInBothLanguages() throws Exception {
		List<String> missing = new ArrayList<>();
		List<Class<?>> enums = enums();
		assertThat(enums).as("the scan finds the enums").hasSizeGreaterThan(20);
		Properties english = bundles("");
		Properties chinese = bundles("_zh_CN");
		for (Class<?> type : enums) {
			if (TECHNICAL.containsKey(type.getName())) {
				continue;
			}
			for (Object constant : type.getEnumConstants()) {
				String key = Labels.key((Enum<?>) constant);
				check(missing, type.getName(), key, english, chinese);
			}
		}
		assertThat(missing).as("constants without a label").isEmpty();
	}

	@Test
	void everyAuditActionHasALabelInBothLanguages() throws Exception {
		Properties english = bundles("");
		Properties chinese = bundles("_zh_CN");
		List<String> missing = new ArrayList<>();
		Set<String> actions = actions();
		assertThat(actions).as("the scan finds the actions").contains("CUSTOMERS_LISTED", "LOGIN_SUCCEEDED");
		for (String action : actions) {
			check(missing, "audit action", Labels.AUDIT_ACTION + "." + action, english, chinese);
		}
		assertThat(missing).as("audit actions without a label").isEmpty();
	}

	@Test
	void everyBuiltInRoleHasALabelInBothLanguages() throws Exception {
		Properties english = bundles("");
		Properties chinese = bundles("_zh_CN");
		List<String> missing = new ArrayList<>();
		for (String role : List.of("ADMIN", "SALES_MANAGER", "SALES", "SERVICE", "HR", "AUDITOR")) {
			check(missing, "role", Labels.ROLE + "." + role, english, chinese);
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void anEnumWithoutALabelIsNamedByItsCode() {
		assertThat(Labels.key(Permission.AUDIT_READ)).isEqualTo("permission.audit.read");
		assertThat(Labels.key(SensitiveText.Kind.PHONE)).isEqualTo("enum.SensitiveText.Kind.PHONE");
	}

	private static void check(List<String> missing, String where, String key, Properties english, Properties chinese) {
		if (!english.containsKey(key)) {
			missing.add(where + ": " + key + " (English)");
		}
		if (!chinese.containsKey(key)) {
			missing.add(where + ": " + key + " (Chinese)");
		}
	}

	static List<Class<?>> enums() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
		List<Class<?>> found = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("dev.holdfast")) {
			if (definition.getSource() != null && definition.getSource().toString().contains("test-classes")) {
				continue;
			}
			Class<?> type = ClassUtils.forName(definition.getBeanClassName(), null);
			// a constant with a body is an anonymous subclass, not an enum of its own
			if (type.isEnum()) {
				found.add(type);
			}
		}
		return found;
	}

	/**
	 * The action of every call that writes an audit event: the literal first argument
	 * (the third of {@code recordAs}), both sides of a conditional, or a computed name
	 * listed in {@link #COMPUTED_ACTIONS}.
	 */
	static Set<String> actions() throws IOException {
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			// the trail's own methods pass the action on
			for (Path file : files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> !f.endsWith(Path.of("audit", "AuditTrail.java")))
				.toList()) {
				String source = Files.readString(file);
				Matcher call = CALL.matcher(source);
				while (call.find()) {
					List<String> arguments = arguments(source, call.end());
					int at = ".recordAs".equals(call.group(1)) ? 2 : 0;
					if (arguments.size() < at + 4) {
						continue; // not an audit call: AuditTrail's own, or another
									// record(...)
					}
					String action = arguments.get(at);
					Matcher code = CODE.matcher(action);
					boolean literal = false;
					while (code.find()) {
						actions.add(code.group(1));
						literal = true;
					}
					String name = file.getFileName().toString();
					if (!literal || action.contains("+")) {
						assertThat(COMPUTED_ACTIONS).as("computed audit action in " + name + ": " + action)
							.containsKey(name);
						actions.addAll(COMPUTED_ACTIONS.get(name));
						actions.removeIf(a -> a.endsWith("_"));
					}
				}
			}
		}
		return actions;
	}

	/** The top-level arguments of a call, from just after its opening parenthesis. */
	private static List<String> arguments(String source, int from) {
		List<String> arguments = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		StringBuilder current = new StringBuilder();
		for (int i = from; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '"' && source.charAt(i - 1) != '\\') {
				quoted = !quoted;
			}
			if (!quoted) {
				if (c == '(' || c == '{' || c == '[') {
					depth++;
				}
				else if (c == ')' || c == '}' || c == ']') {
					if (depth == 0) {
						arguments.add(current.toString().strip());
						return arguments;
					}
					depth--;
				}
				else if (c == ',' && depth == 0) {
					arguments.add(current.toString().strip());
					current.setLength(0);
					continue;
				}
			}
			current.append(c);
		}
		return arguments;
	}

	private static Set<String> complaintActions() {
		Set<String> actions = new TreeSet<>();
		try {
			Class<?> status = Class.forName("dev.holdfast.care.ComplaintStatus");
			for (Object constant : status.getEnumConstants()) {
				actions.add("COMPLAINT_" + ((Enum<?>) constant).name());
			}
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
		return actions;
	}

	/** Every bundle of the application (as configured) in one language, merged. */
	static Properties bundles(String suffix) throws IOException {
		Properties merged = new Properties();
		for (String bundle : bundleNames()) {
			var stream = LabelCompletenessTests.class.getResourceAsStream("/" + bundle + suffix + ".properties");
			assertThat(stream).as(bundle + suffix).isNotNull();
			try (var in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
				merged.load(in);
			}
		}
		return merged;
	}

	private static List<String> bundleNames() throws IOException {
		try (var in = LabelCompletenessTests.class.getResourceAsStream("/application.yml")) {
			String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String line = yaml.lines().filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
			return List.of(line.substring(line.indexOf(':') + 1).strip().split("\\s*,\\s*"));
		}
	}

}
