package dev.holdfast.imports.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;

/**
 * The columns a contact card becomes. A card has any number of phones: the first mobile
 * number is {@code Mobile}, the others go by their type, several of one kind joined with
 * {@code ;}. Names in the order Chinese writes them (family name first, no space). A card
 * with an organisation is a company customer of that name; one without (most of a phone's
 * contacts) is a person, the customer named like the card, its phones and e-mails that
 * person's contact.
 */
final class VcardColumns {

	static final List<String> NAMES = List.of("Name", "Customer", "Kind", "Department", "Title", "Mobile", "Work phone",
			"Home phone", "Other phone", "Email", "Address", "Notes");

	private static final String SEPARATOR = "; ";

	private VcardColumns() {
	}

	static List<String> of(VCard card) {
		List<String> mobiles = new ArrayList<>();
		List<String> work = new ArrayList<>();
		List<String> home = new ArrayList<>();
		List<String> other = new ArrayList<>();
		for (Telephone tel : card.getTelephoneNumbers()) {
			String number = number(tel);
			if (number.isBlank()) {
				continue;
			}
			List<TelephoneType> types = tel.getTypes();
			if (types.contains(TelephoneType.CELL) || types.contains(TelephoneType.get("IPHONE"))) {
				mobiles.add(number);
			}
			else if (types.contains(TelephoneType.WORK)) {
				work.add(number);
			}
			else if (types.contains(TelephoneType.HOME)) {
				home.add(number);
			}
			else {
				other.add(number);
			}
		}
		Organization org = card.getOrganization();
		List<String> units = org == null ? List.of() : org.getValues();
		String company = part(units, 0);
		String name = name(card);
		return List.of(name, company.isEmpty() ? name : company, company.isEmpty() ? "person" : "company",
				joined(units.stream().skip(1)), joined(card.getTitles().stream().map(Title::getValue)),
				String.join(SEPARATOR, mobiles), String.join(SEPARATOR, work), String.join(SEPARATOR, home),
				String.join(SEPARATOR, other), joined(card.getEmails().stream().map(Email::getValue)),
				joined(card.getAddresses().stream().map(VcardColumns::address)),
				joined(card.getNotes().stream().map(Note::getValue)));
	}

	private static String name(VCard card) {
		FormattedName formatted = card.getFormattedName();
		if (formatted != null && formatted.getValue() != null && !formatted.getValue().isBlank()) {
			return formatted.getValue().strip();
		}
		StructuredName structured = card.getStructuredName();
		if (structured != null) {
			String family = Objects.toString(structured.getFamily(), "");
			String given = Objects.toString(structured.getGiven(), "");
			return (family + given).strip();
		}
		return "";
	}

	private static String number(Telephone tel) {
		if (tel.getText() != null) {
			return tel.getText().strip();
		}
		return tel.getUri() == null ? "" : Objects.toString(tel.getUri().getNumber(), "").strip();
	}

	private static String address(Address address) {
		return Stream
			.of(address.getCountry(), address.getRegion(), address.getLocality(), address.getExtendedAddressFull(),
					address.getStreetAddressFull())
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.collect(Collectors.joining(" "));
	}

	private static String part(List<String> values, int index) {
		return index < values.size() && values.get(index) != null ? values.get(index).strip() : "";
	}

	private static String joined(Stream<String> values) {
		return values.filter(Objects::nonNull)
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.collect(Collectors.joining(SEPARATOR));
	}

}
