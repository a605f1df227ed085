package dev.holdfast.protection.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.followup.FollowUpKind;
import dev.holdfast.shared.Labels;

/**
 * Puts an export into its reader's words: headers and coded values (a customer's kind,
 * level and status, how a follow-up was made) become the labels of the requester's
 * language. The machine-readable variant keeps the codes and has English headers, so that
 * a program reading it need not know the requester's language. Applied last, after the
 * canaries are mixed in and the identifying columns fingerprinted, which hold no codes.
 */
@Component
class ExportWording {

	private final Labels labels;

	ExportWording(Labels labels) {
		this.labels = labels;
	}

	ExportTable apply(ExportLayout layout, ExportTable table, Locale locale, boolean machine) {
		Locale headers = machine ? Locale.ENGLISH : locale;
		List<String> columns = layout.columns().stream().map(c -> this.labels.of(c, headers)).toList();
		if (machine) {
			return new ExportTable(columns, table.rows(), table.identifying(), table.contactsInText());
		}
		List<List<String>> rows = new ArrayList<>(table.rows().size());
		for (List<String> row : table.rows()) {
			List<String> worded = new ArrayList<>(row.size());
			for (int i = 0; i < row.size(); i++) {
				worded.add(value(layout.columns().get(i), row.get(i), locale));
			}
			rows.add(worded);
		}
		return new ExportTable(columns, rows, table.identifying(), table.contactsInText());
	}

	private String value(ExportColumn column, String code, Locale locale) {
		Class<? extends Enum<?>> type = switch (column) {
			case KIND -> CustomerKind.class;
			case LEVEL -> CustomerLevel.class;
			case STATUS -> CustomerStatus.class;
			case FOLLOW_UP_KIND -> FollowUpKind.class;
			default -> null;
		};
		if (type == null || code == null || code.isBlank()) {
			return code;
		}
		for (Enum<?> constant : type.getEnumConstants()) {
			if (constant.name().equals(code)) {
				return this.labels.of(constant, locale);
			}
		}
		return code;
	}

}
