package dev.holdfast.imports.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.holdfast.imports.ImportField;
import dev.holdfast.shared.HoldfastClock;

/**
 * The mappings people corrected, one per file layout and importer
 * ({@code import_column_mapping}), stored as {@code column:FIELD} pairs. Each importer
 * gets back only their own: one shared per layout let a manager steer another's phone
 * column into the notes.
 */
@Repository
public class RememberedMappings {

	private final JdbcClient jdbc;

	private final HoldfastClock clock;

	RememberedMappings(JdbcClient jdbc, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Map<Integer, ImportField>> find(String layout, int columns, long employeeId) {
		return this.jdbc
			.sql("select fields from import_column_mapping"
					+ " where layout = :layout and columns = :columns and changed_by = :employee")
			.param("layout", layout)
			.param("columns", columns)
			.param("employee", employeeId)
			.query(String.class)
			.optional()
			.map(RememberedMappings::parse);
	}

	public void save(String layout, int columns, Map<Integer, ImportField> fields, long employeeId) {
		this.jdbc.sql("""
				insert into import_column_mapping (layout, columns, fields, changed_by, changed_at)
				values (:layout, :columns, :fields, :employee, :now)
				on conflict (layout, changed_by) do update set columns = excluded.columns, fields = excluded.fields,
				    changed_at = excluded.changed_at
				""")
			.param("layout", layout)
			.param("columns", columns)
			.param("fields", format(fields))
			.param("employee", employeeId)
			.param("now", java.sql.Timestamp.from(this.clock.now()))
			.update();
	}

	public static String format(Map<Integer, ImportField> fields) {
		return fields.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> e.getKey() + ":" + e.getValue().name())
			.collect(Collectors.joining(","));
	}

	static Map<Integer, ImportField> parse(String text) {
		Map<Integer, ImportField> fields = new LinkedHashMap<>();
		if (text.isBlank()) {
			return fields;
		}
		for (String pair : text.split(",")) {
			String[] parts = pair.split(":", 2);
			ImportField field = parseField(parts[1]);
			if (field != null) {
				fields.put(Integer.parseInt(parts[0]), field);
			}
		}
		return fields;
	}

	/** A field that no longer exists leaves its column unmapped rather than failing. */
	private static ImportField parseField(String name) {
		try {
			return ImportField.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
