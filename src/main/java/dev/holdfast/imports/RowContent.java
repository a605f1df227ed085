package dev.holdfast.imports;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.holdfast.customer.ContactForm;
import dev.holdfast.customer.CustomerForm;
import dev.holdfast.imports.RowValidation.Values;
import dev.holdfast.shared.PhoneNumbers;

/**
 * What one row of a file says, as the API's own forms: the customer, its contact (null
 * when the row names none) and the row's further phones, and a follow-up. The validation
 * checks it; the commit writes it.
 *
 * @param phoneTexts every phone the row gives, as written: the contact's first
 * @param followUpContent what the follow-up said, or null
 * @param followUpAt when it happened, or null
 * @param followUpKind how it happened, as written, or null
 * @param nextContactAt the next contact the follow-up planned, or null
 */
public record RowContent(CustomerForm customer, ContactForm contact, List<String> phoneTexts, List<String> phoneLabels,
		String followUpContent, LocalDateTime followUpAt, String followUpKind, LocalDateTime nextContactAt) {

	/** The most characters of a column's name a contact's name is labelled with. */
	private static final int LABEL_LENGTH = 20;

	public RowContent {
		phoneTexts = List.copyOf(phoneTexts);
		phoneLabels = List.copyOf(phoneLabels);
	}

	/** The row's cells read through the mapping, nothing checked. */
	public static RowContent of(ColumnMapping mapping, ImportRow row) {
		return of(mapping, row, List.of());
	}

	/**
	 * The row's cells read through the mapping, nothing checked; {@code columnNames}: the
	 * file's column names as the importer reads them (a vCard's in their language), which
	 * label the contacts of a row with several phones ({@link #contacts()}).
	 */
	public static RowContent of(ColumnMapping mapping, ImportRow row, List<String> columnNames) {
		Function<ImportField, String> cell = field -> mapping.column(field)
			.stream()
			.mapToObj(row::cell)
			.findFirst()
			.orElse("");
		List<String> phones = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		mapping.column(ImportField.PHONE).ifPresent(column -> Values.several(row.cell(column)).forEach(phone -> {
			phones.add(phone);
			labels.add(label(columnNames, column));
		}));
		mapping.fields()
			.entrySet()
			.stream()
			.filter(e -> e.getValue() == ImportField.OTHER_PHONE)
			.sorted(Map.Entry.comparingByKey())
			.forEach(e -> Values.several(row.cell(e.getKey())).forEach(phone -> {
				phones.add(phone);
				labels.add(label(columnNames, e.getKey()));
			}));
		CustomerForm customer = new CustomerForm(cell.apply(ImportField.CUSTOMER_NAME),
				Values.kind(cell.apply(ImportField.CUSTOMER_KIND)).orElse(null),
				Values.level(cell.apply(ImportField.LEVEL)).orElse(null), text(cell, ImportField.INDUSTRY),
				text(cell, ImportField.SOURCE), text(cell, ImportField.REGION), text(cell, ImportField.ADDRESS),
				text(cell, ImportField.NOTES), null, null);
		ContactForm contact = null;
		if (Values.anyOf(cell, ImportField.CONTACT_NAME, ImportField.PHONE, ImportField.OTHER_PHONE, ImportField.EMAIL,
				ImportField.WECHAT, ImportField.CONTACT_TITLE) || !phones.isEmpty()) {
			String phone = phones.isEmpty() ? null : PhoneNumbers.normalize(phones.get(0)).orElse(phones.get(0));
			contact = new ContactForm(cell.apply(ImportField.CONTACT_NAME), text(cell, ImportField.CONTACT_TITLE),
					phone, Values.first(cell.apply(ImportField.EMAIL)), text(cell, ImportField.WECHAT), null, null,
					null, null);
		}
		return new RowContent(customer, contact, phones, labels, text(cell, ImportField.FOLLOW_UP_CONTENT),
				Values.dateTime(cell.apply(ImportField.FOLLOW_UP_DATE)).orElse(null),
				text(cell, ImportField.FOLLOW_UP_KIND),
				Values.dateTime(cell.apply(ImportField.NEXT_CONTACT)).orElse(null));
	}

	/** Every valid phone of the row in E.164, the contact's first. */
	public List<String> phones() {
		return this.phoneTexts.stream().flatMap(p -> PhoneNumbers.normalize(p).stream()).distinct().toList();
	}

	/**
	 * The contacts to create: the row's contact, and one more for each further phone (a
	 * contact holds one phone; each stays encrypted, indexed and checked for duplicates
	 * like any other). With several phones each contact's name says which phone it is, by
	 * the phone's column: a phone's card of 张伟 with a mobile and a work number gives
	 * {@code 张伟 (手机)} and {@code 张伟 (工作电话)}, a second number of one column
	 * {@code 张伟 (手机 2)}; one phone, the name alone.
	 */
	public List<ContactForm> contacts() {
		if (this.contact == null) {
			return List.of();
		}
		List<String> phones = phones();
		if (phones.size() < 2) {
			return List.of(this.contact);
		}
		List<String> names = labelledNames(phones);
		ContactForm first = new ContactForm(names.get(0), this.contact.title(), this.contact.phone(),
				this.contact.email(), this.contact.wechat(), this.contact.address(), this.contact.gender(),
				this.contact.birthday(), this.contact.notes());
		Stream<ContactForm> more = IntStream.range(1, phones.size())
			.mapToObj(i -> new ContactForm(names.get(i), this.contact.title(), phones.get(i), null, null, null, null,
					null, null));
		return Stream.concat(Stream.of(first), more).toList();
	}

	/**
	 * The contact's name with the column of each phone (E.164, in the order of
	 * {@link #phones()}), numbered from the second phone of one column; the name alone
	 * where the column has no name.
	 */
	private List<String> labelledNames(List<String> phones) {
		String name = this.contact.name() == null ? "" : this.contact.name().strip();
		Map<String, Integer> seen = new HashMap<>();
		List<String> names = new ArrayList<>();
		for (String phone : phones) {
			int at = IntStream.range(0, this.phoneTexts.size())
				.filter(i -> PhoneNumbers.normalize(this.phoneTexts.get(i)).filter(phone::equals).isPresent())
				.findFirst()
				.orElse(-1);
			String label = at >= 0 && at < this.phoneLabels.size() ? this.phoneLabels.get(at) : "";
			if (label.isEmpty() || name.isEmpty()) {
				names.add(name);
				continue;
			}
			int count = seen.merge(label, 1, Integer::sum);
			String suffix = " (" + label + (count > 1 ? " " + count : "") + ")";
			names.add(cut(name, 100 - suffix.length()) + suffix);
		}
		return names;
	}

	/**
	 * A column's name as a label: without hints in brackets, marks of required, spaces.
	 */
	private static String label(List<String> columnNames, int column) {
		if (column < 0 || column >= columnNames.size() || columnNames.get(column) == null) {
			return "";
		}
		String label = columnNames.get(column)
			.replaceAll("[(（\\[【][^)）\\]】]*[)）\\]】]", "")
			.replaceAll("[*＊:：]", "")
			.strip();
		return cut(label, LABEL_LENGTH);
	}

	/** At most {@code length} characters, never half a character. */
	private static String cut(String text, int length) {
		if (text.length() <= length) {
			return text;
		}
		int end = Math.max(0, length);
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end).strip();
	}

	private static String text(Function<ImportField, String> cell, ImportField field) {
		String value = cell.apply(field);
		return value.isBlank() ? null : value;
	}

}
