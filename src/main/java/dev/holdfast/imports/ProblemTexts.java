package dev.holdfast.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.Labels;

/**
 * The reasons a row is invalid in the importer's words, one per cell, for the page, the
 * API and the error report: the column's header, the value the cell holds (the importer's
 * own upload, so nothing they could not see; shortened, control characters left out) and
 * what is wrong with it, e.g. {@code 手机 '1381234' 不是有效的手机号码}. A cell without a value, or
 * a required column the file lacks, gets the header and the problem alone.
 */
@Component
public class ProblemTexts {

	/** The longest value quoted; a longer one is cut with an ellipsis. */
	static final int LONGEST = 40;

	private final MessageSource messages;

	ProblemTexts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The column names as the importer reads them: a file's own header as written; a
	 * vCard's columns, which Holdfast names itself (stable English names, which the
	 * remembered mappings' layout and the automatic mapping go by), in the importer's
	 * language ({@code imports.vcard.column.<name>}).
	 */
	public List<String> headerLabels(ImportFormat format, List<String> names, Locale locale) {
		if (format != ImportFormat.VCARD) {
			return names;
		}
		return names.stream()
			.map(name -> this.messages.getMessage("imports.vcard.column." + name.replaceAll("[^A-Za-z0-9]", "_"), null,
					name, locale))
			.toList();
	}

	/** The reason of each problem by column, in column order. */
	public Map<Integer, String> of(Map<Integer, CellProblem> problems, List<String> header, List<String> cells,
			Locale locale) {
		Map<Integer, String> reasons = new LinkedHashMap<>();
		new TreeMap<>(problems).forEach((column, problem) -> reasons.put(column,
				text(problem, column >= 0 && column < header.size() ? header.get(column) : null,
						column >= 0 && column < cells.size() ? cells.get(column) : null, locale)));
		return reasons;
	}

	private String text(CellProblem problem, String header, String value, Locale locale) {
		String label = this.messages.getMessage(Labels.key(problem), null, problem.name(), locale);
		String shown = quoted(value);
		if (header == null) {
			return label;
		}
		if (shown == null) {
			return header + ": " + label;
		}
		return this.messages.getMessage("imports.reason." + problem.name(), new Object[] { header, shown },
				header + " '" + shown + "': " + label, locale);
	}

	/** The value as quoted: null for a blank one. */
	static String quoted(String value) {
		if (value == null) {
			return null;
		}
		String plain = value.replaceAll("\\p{Cntrl}", " ").strip();
		if (plain.isEmpty()) {
			return null;
		}
		return plain.codePointCount(0, plain.length()) > LONGEST
				? plain.substring(0, plain.offsetByCodePoints(0, LONGEST)) + "…" : plain;
	}

}
