package dev.holdfast;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals and text blocks of one Java source, read as text and grouped by the
 * statement they stand in, so that a query split over several parts is read as one.
 * Literals joined only by {@code +} are concatenated; parts with an expression between
 * them are kept apart by {@link #GAP}, so a table name is never made up of two halves
 * that are not adjacent.
 */
final class JavaStrings {

	/** Stands where an expression interrupts a concatenation. */
	static final String GAP = "\n\u0000\n";

	private JavaStrings() {
	}

	/** One string per statement (or annotation) that holds literals. */
	static List<String> statements(String source) {
		List<String> statements = new ArrayList<>();
		StringBuilder statement = new StringBuilder();
		boolean joined = false;
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				i = endOf(source, "\n", i + 2);
			}
			else if (source.startsWith("/*", i)) {
				i = endOf(source, "*/", i + 2);
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", source.indexOf('\n', i) + 1);
				while (source.charAt(end - 1) == '\\') {
					end = source.indexOf("\"\"\"", end + 1);
				}
				append(statement, textBlock(source.substring(source.indexOf('\n', i) + 1, end)), joined);
				joined = true;
				i = end + 3;
			}
			else if (c == '"') {
				StringBuilder literal = new StringBuilder();
				i = literal(source, i + 1, literal);
				append(statement, literal.toString(), joined);
				joined = true;
			}
			else if (c == '\'') {
				i = literal(source, i + 1, new StringBuilder());
				joined = false;
			}
			else if (c == ';' || c == '{' || c == '}') {
				if (!statement.isEmpty()) {
					statements.add(statement.toString());
					statement.setLength(0);
				}
				joined = false;
				i++;
			}
			else {
				if (c != '+' && !Character.isWhitespace(c)) {
					joined = false;
				}
				i++;
			}
		}
		if (!statement.isEmpty()) {
			statements.add(statement.toString());
		}
		return statements;
	}

	private static void append(StringBuilder statement, String literal, boolean joined) {
		if (!joined && !statement.isEmpty()) {
			statement.append(GAP);
		}
		statement.append(literal);
	}

	private static int endOf(String source, String end, int from) {
		int at = source.indexOf(end, from);
		return (at < 0) ? source.length() : at + end.length();
	}

	/**
	 * Reads a quoted literal from {@code from} up to its closing quote; returns the index
	 * after it.
	 */
	private static int literal(String source, int from, StringBuilder into) {
		char quote = source.charAt(from - 1);
		int i = from;
		while (source.charAt(i) != quote) {
			if (source.charAt(i) == '\\') {
				char escaped = source.charAt(i + 1);
				into.append((escaped == 'n') ? '\n' : (escaped == 't') ? '\t' : escaped);
				i += 2;
			}
			else {
				into.append(source.charAt(i++));
			}
		}
		return i + 1;
	}

	private static String textBlock(String body) {
		return body.replace("\\\n", " ").replace("\\n", "\n").replace("\\\"", "\"");
	}

}
