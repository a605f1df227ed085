package dev.holdfast.imports;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
public record RowContent(CustomerForm customer, ContactForm contact, List<String> phoneTexts, String followUpContent,
		LocalDateTime followUpAt, String followUpKind, LocalDateTime nextContactAt) {

	public RowContent {
		phoneTexts = List.copyOf(phoneTexts);
	}

	/** The row's cells read through the mapping, nothing checked. */
	public static RowContent of(ColumnMapping mapping, ImportRow row) {
		Function<ImportField, String> cell = field -> mapping.column(field)
			.stream()
			.mapToObj(row::cell)
			.findFirst()
			.orElse("");
		List<String> phones = new ArrayList<>(Values.several(cell.apply(ImportField.PHONE)));
		mapping.fields()
			.entrySet()
			.stream()
			.filter(e -> e.getValue() == ImportField.OTHER_PHONE)
			.sorted(java.util.Map.Entry.comparingByKey())
			.forEach(e -> phones.addAll(Values.several(row.cell(e.getKey()))));
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
		return new RowContent(customer, contact, phones, text(cell, ImportField.FOLLOW_UP_CONTENT),
				Values.dateTime(cell.apply(ImportField.FOLLOW_UP_DATE)).orElse(null),
				text(cell, ImportField.FOLLOW_UP_KIND),
				Values.dateTime(cell.apply(ImportField.NEXT_CONTACT)).orElse(null));
	}

	/** Every valid phone of the row in E.164, the contact's first. */
	public List<String> phones() {
		return this.phoneTexts.stream().flatMap(p -> PhoneNumbers.normalize(p).stream()).distinct().toList();
	}

	/**
	 * The contacts to create: the row's contact, and one more of the same name for each
	 * further phone (a contact holds one phone; each stays encrypted, indexed and checked
	 * for duplicates like any other).
	 */
	public List<ContactForm> contacts() {
		if (this.contact == null) {
			return List.of();
		}
		List<String> phones = phones();
		Stream<ContactForm> more = phones.stream()
			.skip(1)
			.map(phone -> new ContactForm(this.contact.name(), this.contact.title(), phone, null, null, null, null,
					null, null));
		return Stream.concat(Stream.of(this.contact), more).toList();
	}

	private static String text(Function<ImportField, String> cell, ImportField field) {
		String value = cell.apply(field);
		return value.isBlank() ? null : value;
	}

}
