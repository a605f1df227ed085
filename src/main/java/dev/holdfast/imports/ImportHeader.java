package dev.holdfast.imports;

import java.util.List;

/**
 * The header of a file: its column names as written (two header rows combined, a merged
 * header repeated over its columns), and the row it was found in (1 for the first row).
 */
public record ImportHeader(long number, List<String> names) {

	public ImportHeader {
		names = List.copyOf(names);
	}

	public int size() {
		return this.names.size();
	}

}
