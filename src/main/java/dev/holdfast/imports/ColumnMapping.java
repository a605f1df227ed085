package dev.holdfast.imports;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Which column of a file fills which field; columns not named are ignored.
 *
 * @param layout the file layout: a hash of its normalised header row
 * @param fields the field of each mapped column (0-based)
 * @param remembered whether it is a mapping someone corrected and saved for this layout,
 * rather than the automatic one
 */
public record ColumnMapping(String layout, Map<Integer, ImportField> fields, boolean remembered) {

	public ColumnMapping {
		// in column order, so that a field's first column is found without sorting (an
		// import's commit asks for about fifteen fields of each row)
		fields = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(fields)));
	}

	public Optional<ImportField> field(int column) {
		return Optional.ofNullable(this.fields.get(column));
	}

	/** The first column of a field. */
	public OptionalInt column(ImportField field) {
		return this.fields.entrySet()
			.stream()
			.filter(e -> e.getValue() == field)
			.mapToInt(Map.Entry::getKey)
			.findFirst();
	}

}
