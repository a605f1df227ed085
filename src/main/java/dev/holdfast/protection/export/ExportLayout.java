package dev.holdfast.protection.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.holdfast.shared.LabelPrefix;

/**
 * The columns of each kind of export, in order.
 */
@LabelPrefix("exports.layout")
public enum ExportLayout {

	CUSTOMERS("customers", ExportColumn.CUSTOMER, ExportColumn.KIND, ExportColumn.LEVEL, ExportColumn.STATUS,
			ExportColumn.INDUSTRY, ExportColumn.REGION, ExportColumn.OWNER, ExportColumn.CONTACT, ExportColumn.PHONE,
			ExportColumn.EMAIL, ExportColumn.UPDATED),
	CONTACTS("contacts", ExportColumn.CUSTOMER, ExportColumn.CONTACT, ExportColumn.TITLE, ExportColumn.PHONE,
			ExportColumn.EMAIL, ExportColumn.WECHAT, ExportColumn.ADDRESS),
	FOLLOW_UPS("follow-ups", ExportColumn.CUSTOMER, ExportColumn.FOLLOW_UP_KIND, ExportColumn.CONTENT,
			ExportColumn.AUTHOR, ExportColumn.TIME);

	private final String entity;

	private final List<ExportColumn> columns;

	ExportLayout(String entity, ExportColumn... columns) {
		this.entity = entity;
		this.columns = List.of(columns);
	}

	public static ExportLayout of(String entity) {
		for (ExportLayout layout : values()) {
			if (layout.entity.equals(entity)) {
				return layout;
			}
		}
		throw new IllegalArgumentException(entity);
	}

	List<ExportColumn> columns() {
		return this.columns;
	}

	/** Where the column is, or -1. */
	int indexOf(ExportColumn column) {
		return this.columns.indexOf(column);
	}

	/** A row of this layout from values by column; a missing value is empty. */
	List<String> row(Map<ExportColumn, String> values) {
		List<String> row = new ArrayList<>(this.columns.size());
		for (ExportColumn column : this.columns) {
			String value = values.get(column);
			row.add(value == null ? "" : value);
		}
		return row;
	}

	/** These rows as a table of this layout. */
	ExportTable table(List<List<String>> rows, boolean contactsInText) {
		return new ExportTable(this.columns.stream().map(ExportColumn::header).toList(), rows,
				IntStream.range(0, this.columns.size()).filter(i -> this.columns.get(i).identifying()).boxed().toList(),
				contactsInText);
	}

}
