package dev.holdfast;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables one Java source names: in SQL and JPQL strings (a table or an entity
 * after {@code from}, {@code join}, {@code into}, {@code update}, {@code table},
 * {@code truncate}, and the further items of a {@code from} list) and in JPA mapping
 * annotations ({@code @Table}, {@code @CollectionTable}, {@code @JoinTable},
 * {@code @SecondaryTable}, and an {@code @Entity} without {@code @Table}, which Hibernate
 * maps to its class name in snake case).
 */
final class TableMentions {

	private static final Pattern QUERY = Pattern.compile(
			"(?is)\\b(select\\b.*\\bfrom|insert\\s+into|update\\s+\\w+(\\s+\\w+)?\\s+set|delete\\s+from|truncate)\\b");

	private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*+)";

	private static final Pattern POSITION = Pattern.compile(
			"(?i)\\b(?:from|join|into|update|table|truncate)\\s+(?:only\\s+|if\\s+exists\\s+)?" + NAME + "(?!\\s*\\()");

	private static final Pattern FURTHER = Pattern
		.compile("^(?:\\s+(?:as\\s+)?(?!(?i:where|on|join|left|inner|order|group|cross)\\b)[A-Za-z_]\\w*+)?\\s*,\\s*"
				+ NAME + "(?!\\s*\\()");

	private static final Pattern MAPPING = Pattern
		.compile("@(?:Table|CollectionTable|JoinTable|SecondaryTable)\\s*\\([^)]*?\\bname\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern ENTITY = Pattern
		.compile("@Entity(?:\\s*\\(\\s*(?:name\\s*=\\s*)?\"([^\"]+)\"\\s*\\))?[^{;]*?\\bclass\\s+(\\w+)");

	private final Set<String> tables;

	private final Map<String, String> entities;

	/**
	 * @param tables the real tables (lower case)
	 * @param entities JPQL entity names to their tables
	 */
	TableMentions(Set<String> tables, Map<String, String> entities) {
		this.tables = tables;
		this.entities = entities;
	}

	/** Entity names to tables, as Hibernate maps the entities of these sources. */
	static Map<String, String> entities(Iterable<String> sources) {
		Map<String, String> entities = new HashMap<>();
		for (String source : sources) {
			Matcher entity = ENTITY.matcher(source);
			if (entity.find()) {
				String name = (entity.group(1) != null) ? entity.group(1) : entity.group(2);
				Matcher table = MAPPING.matcher(source);
				boolean ownTable = source.contains("@Table") && table.find();
				entities.put(name, ownTable ? table.group(1) : snakeCase(entity.group(2)));
			}
		}
		return entities;
	}

	Set<String> in(String source) {
		Set<String> found = new LinkedHashSet<>();
		Matcher mapping = MAPPING.matcher(source);
		while (mapping.find()) {
			found.add(mapping.group(1).toLowerCase());
		}
		Matcher entity = ENTITY.matcher(source);
		if (entity.find() && !source.contains("@Table")) {
			found.add(snakeCase(entity.group(2)));
		}
		for (String statement : JavaStrings.statements(source)) {
			if (QUERY.matcher(statement).find()) {
				for (String part : statement.split(JavaStrings.GAP)) {
					found.addAll(inQuery(part));
				}
			}
		}
		return found;
	}

	private Set<String> inQuery(String query) {
		Set<String> found = new LinkedHashSet<>();
		Matcher position = POSITION.matcher(query);
		while (position.find()) {
			add(position.group(1), found);
			int at = position.end();
			Matcher further = FURTHER.matcher(query.substring(at));
			while (further.find()) {
				add(further.group(1), found);
				at += further.end();
				further = FURTHER.matcher(query.substring(at));
			}
		}
		return found;
	}

	private void add(String name, Set<String> found) {
		if (this.tables.contains(name)) {
			found.add(name);
		}
		else if (this.entities.containsKey(name)) {
			found.add(this.entities.get(name));
		}
	}

	static String snakeCase(String className) {
		return className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
	}

}
