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

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import dev.holdfast.audit.AuditAction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No code reaches people without a label in both languages. Every enum of the main code
 * is found by classpath scanning, so a new enum is checked without anyone listing it; the
 * few that never reach a person are excluded below, each with its reason. Audit actions
 * are the constants of {@link AuditAction}, labelled {@code audit.action.<NAME>}.
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
		assertThat(AuditAction.values()).as("the one list of actions")
			.contains(AuditAction.CUSTOMERS_LISTED, AuditAction.LOGIN_SUCCEEDED);
		for (AuditAction action : AuditAction.values()) {
			assertThat(Labels.key(action)).isEqualTo(Labels.AUDIT_ACTION + "." + action.name());
			check(missing, "audit action", Labels.key(action), english, chinese);
		}
		assertThat(missing).as("audit actions without a label").isEmpty();
	}

	@Test
	void auditActionsAreWrittenOnlyThroughTheEnum() throws IOException {
		// the trail takes an AuditAction, so a string cannot reach it; a label for an
		// action that is not a constant would be a code nobody writes any more
		Properties english = bundles("");
		Set<String> labelled = new TreeSet<>();
		for (String key : english.stringPropertyNames()) {
			if (key.startsWith(Labels.AUDIT_ACTION + ".")) {
				labelled.add(key.substring(Labels.AUDIT_ACTION.length() + 1));
			}
		}
		Set<String> constants = new TreeSet<>();
		for (AuditAction action : AuditAction.values()) {
			constants.add(action.name());
		}
		assertThat(labelled).as("labelled audit actions are the enum's constants").isEqualTo(constants);
	}

	/**
	 * The kinds of change a customer's or contact's revision records are strings
	 * ({@code revisions.ofCustomer(customer, "TRANSFERRED", me)}): each written in the
	 * main code has its label {@code history.change.<KIND>}, which the history shows.
	 */
	@Test
	void everyKindOfRevisionWrittenHasALabelInBothLanguages() throws Exception {
		Properties english = bundles("");
		Properties chinese = bundles("_zh_CN");
		Pattern written = Pattern.compile("revisions\\.of(?:Customer|Contact)\\([^;]*?\"([A-Z_]+)\"");
		Set<String> kinds = new TreeSet<>();
		try (var files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = written.matcher(Files.readString(file));
				while (matcher.find()) {
					kinds.add(matcher.group(1));
				}
			}
		}
		assertThat(kinds).as("kinds of revision found in the code").contains("CREATED", "TRANSFERRED");
		List<String> missing = new ArrayList<>();
		for (String kind : kinds) {
			check(missing, "revision kind", "history.change." + kind, english, chinese);
		}
		assertThat(missing).isEmpty();
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
