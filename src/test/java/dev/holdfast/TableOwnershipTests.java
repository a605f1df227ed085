package dev.holdfast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table (issue 12, item 1). The owners are read from the table in
 * {@code docs/architecture.md} ("Who owns each table"), the tables from the Flyway
 * migrations, and every SQL string, JPQL query and JPA mapping in {@code src/main/java}
 * is read as text: a module that names a table it does not own fails the test, unless the
 * pair is in {@code table-ownership-allowlist.txt} with a reason. An entry that is no
 * longer needed fails it too, so the list only shrinks. A view the document marks
 * {@value #PUBLISHED} is its owner's on purpose: every module may read it, none but the
 * owner write it.
 */
class TableOwnershipTests {

	static final String FRAMEWORK = "framework";

	static final String PUBLISHED = "**published view**";

	private static final Path MAIN = Path.of("src/main/java/dev/holdfast");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path ARCHITECTURE = Path.of("docs/architecture.md");

	private static final Path ALLOW_LIST = Path.of("src/test/resources/table-ownership-allowlist.txt");

	private static final String SECTION = "## Who owns each table";

	private static final Pattern CREATED = Pattern.compile(
			"(?i)\\bcreate\\s+(?:unlogged\\s+)?(?:table|(?:or\\s+replace\\s+)?view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	private static final Pattern DROPPED = Pattern
		.compile("(?i)\\bdrop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)");

	private static final Pattern OWNER_ROW = Pattern
		.compile("^\\|\\s*`(\\w+)`[^|]*\\|\\s*(?:`(\\w+)`\\s*|(framework)\\b[^|]*)\\|");

	private static final Pattern ALLOWED = Pattern.compile("^(\\w+)\\s*->\\s*(\\w+)\\s*:\\s*(.*)$");

	@Test
	void everyTableOfTheMigrationsHasExactlyOneOwnerInTheArchitecture() {
		Map<String, String> owners = owners();
		Set<String> frameworkOnly = new TreeSet<>(owners.keySet());
		frameworkOnly.removeAll(migrationTables());
		frameworkOnly.removeIf((table) -> FRAMEWORK.equals(owners.get(table)));
		assertThat(owners.keySet()).as("tables listed under '%s' in %s", SECTION, ARCHITECTURE)
			.containsAll(migrationTables());
		assertThat(frameworkOnly).as("listed tables no migration creates (and no framework owns)").isEmpty();
		Set<String> modules = modules();
		owners.forEach((table, owner) -> assertThat(owner).as("owner of %s", table).isIn(withFramework(modules)));
	}

	@Test
	void everyModuleNamesOnlyTheTablesItOwnsOrIsAllowedTo() {
		Map<String, String> owners = owners();
		Map<String, Set<String>> violations = violations(owners);
		Map<String, String> allowed = allowList();
		List<String> unexpected = new ArrayList<>();
		violations.forEach((pair, files) -> {
			if (!allowed.containsKey(pair)) {
				String[] moduleTable = pair.split(" -> ");
				unexpected.add(pair + " (owned by "
						+ owners.getOrDefault(moduleTable[1], "nobody: missing from " + ARCHITECTURE) + "), named in "
						+ files);
			}
		});
		Set<String> stale = new TreeSet<>(allowed.keySet());
		stale.removeAll(violations.keySet());
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(unexpected)
				.as("modules naming tables they do not own: call the owner's API instead")
				.isEmpty();
			softly.assertThat(stale).as("entries of %s no longer needed: remove them", ALLOW_LIST).isEmpty();
		});
	}

	@Test
	void publishedViewsAreReadByOthersButWrittenByNone() {
		Set<String> published = publishedViews();
		Map<String, String> owners = owners();
		assertThat(published).as("published views of %s", ARCHITECTURE).isNotEmpty();
		List<String> writes = new ArrayList<>();
		sources().forEach((file, source) -> {
			Path relative = MAIN.relativize(file);
			for (String view : published) {
				Pattern write = Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+" + view + "\\b");
				if (relative.getNameCount() > 1 && write.matcher(source).find()) {
					writes.add(relative + " writes " + view + " (owned by " + owners.get(view) + ")");
				}
			}
		});
		assertThat(writes).as("published views are read-only: change the data through the owner's API").isEmpty();
	}

	@Test
	void everyAllowedPairNamesARealModuleAndTableAndGivesAReason() throws IOException {
		Set<String> modules = modules();
		Set<String> tables = owners().keySet();
		for (String line : allowListLines()) {
			Matcher entry = ALLOWED.matcher(line);
			assertThat(entry.matches()).as("'%s' reads 'module -> table: reason'", line).isTrue();
			assertThat(entry.group(1)).as(line).isIn(modules);
			assertThat(entry.group(2)).as(line).isIn(tables);
			assertThat(entry.group(3).strip()).as("reason in '%s'", line).hasSizeGreaterThan(10);
		}
	}

	@Test
	void theScannerFindsTablesInEveryShapeOfQuery() {
		TableMentions mentions = new TableMentions(Set.of("customer", "customer_member", "follow_up", "audit_event"),
				Map.of("Customer", "customer", "FollowUp", "follow_up"));
		assertThat(mentions.in("""
				class A { void a() { jdbc.sql(\"""
						select c.id from customer c, customer_member m
						\""").query(); } }""")).containsExactly("customer", "customer_member");
		assertThat(mentions.in("class A { String q = \"select 1 from cust\" + \"omer_member where x\"; }"))
			.containsExactly("customer_member");
		assertThat(mentions.in("class A { String q = \"select 1 from \" + table + \"customer\"; }")).isEmpty();
		assertThat(mentions.in("class A { @Query(\"select f from FollowUp f join Customer c on c.id = f.x\") }"))
			.containsExactly("follow_up", "customer");
		assertThat(mentions.in("class A { String q = \"update audit_event set x = 1\"; }"))
			.containsExactly("audit_event");
		assertThat(mentions.in("class A { String s = \"moved from customer\"; }")).isEmpty();
		assertThat(mentions.in("@Entity\nclass FollowUp {}")).containsExactly("follow_up");
		assertThat(mentions.in("@Entity @Table(name = \"customer\") class Client {}")).containsExactly("customer");
	}

	/**
	 * Module -> table pairs where the module does not own the table, each with the files
	 * naming it.
	 */
	static Map<String, Set<String>> violations(Map<String, String> owners) {
		Map<Path, String> sources = sources();
		Set<String> tables = new TreeSet<>(migrationTables());
		tables.addAll(owners.keySet());
		TableMentions mentions = new TableMentions(tables, TableMentions.entities(sources.values()));
		Set<String> published = publishedViews();
		Map<String, Set<String>> violations = new TreeMap<>();
		sources.forEach((file, source) -> {
			Path relative = MAIN.relativize(file);
			if (relative.getNameCount() < 2) {
				return;
			}
			String module = relative.getName(0).toString();
			for (String table : mentions.in(source)) {
				if (!module.equals(owners.get(table)) && !published.contains(table)) {
					violations.computeIfAbsent(module + " -> " + table, (pair) -> new TreeSet<>())
						.add(file.getFileName().toString());
				}
			}
		});
		return violations;
	}

	/**
	 * Table -> owning module (or {@value #FRAMEWORK}), as the architecture document lists
	 * them.
	 */
	static Map<String, String> owners() {
		Map<String, String> owners = new TreeMap<>();
		boolean inSection = false;
		for (String line : read(ARCHITECTURE).lines().toList()) {
			if (line.startsWith("## ")) {
				inSection = line.strip().equals(SECTION);
			}
			Matcher row = OWNER_ROW.matcher(line);
			if (inSection && row.find()) {
				String owner = (row.group(2) != null) ? row.group(2) : FRAMEWORK;
				assertThat(owners.put(row.group(1), owner)).as("%s listed twice", row.group(1)).isNull();
			}
		}
		assertThat(owners).as("the table under '%s' in %s", SECTION, ARCHITECTURE).isNotEmpty();
		return owners;
	}

	/** Views the architecture document marks {@value #PUBLISHED}. */
	static Set<String> publishedViews() {
		Set<String> published = new TreeSet<>();
		boolean inSection = false;
		for (String line : read(ARCHITECTURE).lines().toList()) {
			if (line.startsWith("## ")) {
				inSection = line.strip().equals(SECTION);
			}
			Matcher row = OWNER_ROW.matcher(line);
			if (inSection && row.find() && line.contains("(view)") && line.contains(PUBLISHED)) {
				published.add(row.group(1));
			}
		}
		return published;
	}

	/** Tables and views the Flyway migrations (SQL and Java) leave in the schema. */
	static Set<String> migrationTables() {
		Set<String> created = new TreeSet<>();
		Set<String> dropped = new TreeSet<>();
		List<String> scripts = new ArrayList<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			files.filter((file) -> file.toString().endsWith(".sql"))
				.forEach((file) -> scripts.add(read(file).replaceAll("--[^\n]*", "")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		sources().values()
			.stream()
			.filter((source) -> source.contains("extends BaseJavaMigration"))
			.forEach((source) -> scripts.add(String.join("\n", JavaStrings.statements(source))));
		for (String script : scripts) {
			CREATED.matcher(script).results().forEach((match) -> created.add(match.group(1).toLowerCase()));
			DROPPED.matcher(script).results().forEach((match) -> dropped.add(match.group(1).toLowerCase()));
		}
		created.removeAll(dropped);
		assertThat(created).as("tables of %s", MIGRATIONS).isNotEmpty();
		return created;
	}

	static Set<String> modules() {
		try (Stream<Path> entries = Files.list(MAIN)) {
			return entries.filter(Files::isDirectory)
				.map((directory) -> directory.getFileName().toString())
				.collect(TreeSet::new, Set::add, Set::addAll);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> withFramework(Set<String> modules) {
		Set<String> owners = new TreeSet<>(modules);
		owners.add(FRAMEWORK);
		return owners;
	}

	private static Map<Path, String> sources() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			Map<Path, String> sources = new TreeMap<>();
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> sources.put(file, read(file)));
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> allowList() {
		Map<String, String> allowed = new TreeMap<>();
		for (String line : allowListLines()) {
			Matcher entry = ALLOWED.matcher(line);
			if (entry.matches()) {
				allowed.put(entry.group(1) + " -> " + entry.group(2), entry.group(3));
			}
		}
		return allowed;
	}

	private static List<String> allowListLines() {
		return read(ALLOW_LIST).lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
