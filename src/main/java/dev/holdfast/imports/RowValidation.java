package dev.holdfast.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;

import dev.holdfast.customer.CustomerForm;
import dev.holdfast.customer.CustomerNames;
import dev.holdfast.imports.mapping.OwnerNames;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.PhoneNumbers;
import dev.holdfast.shared.SensitiveText;

/**
 * Checks rows for a preview, writing nothing: each row becomes the API's own forms
 * ({@link CustomerForm}, {@link ContactForm}) and is validated by their rules, phones go
 * through libphonenumber, levels and kinds must be known, owners are found by username or
 * display name. Duplicates are not looked for here. A phone number in a field kept as
 * plain text (notes, industry, source, region, a contact's title) is refused
 * ({@link CellProblem#PHONE_IN_TEXT}): a phone column mapped to the notes would otherwise
 * bring every number in unencrypted, unmasked and never checked for duplicates.
 */
@Service
public class RowValidation {

	/**
	 * The fields stored and shown as they are, in which a phone number must not come in.
	 * (Names are not among them; a follow-up's content may quote a number, as one
	 * recorded in Holdfast may.)
	 */
	private static final List<ImportField> PLAIN_TEXT = List.of(ImportField.NOTES, ImportField.INDUSTRY,
			ImportField.SOURCE, ImportField.REGION, ImportField.CONTACT_TITLE);

	private final Validator validator;

	private final OwnerNames owners;

	private final HoldfastClock clock;

	RowValidation(Validator validator, OwnerNames owners, HoldfastClock clock) {
		this.validator = validator;
		this.owners = owners;
		this.clock = clock;
	}

	/** A checker for one file: it remembers the owners it has looked up. */
	public Checker checker(ColumnMapping mapping) {
		Permission.CUSTOMER_IMPORT.require();
		return new Checker(mapping, this.owners.lookup());
	}

	/** Checks the rows of one file. */
	public final class Checker {

		private final ColumnMapping mapping;

		private final OwnerNames.Lookup owners;

		Checker(ColumnMapping mapping, OwnerNames.Lookup owners) {
			this.mapping = mapping;
			this.owners = owners;
		}

		public RowVerdict check(ImportRow row) {
			Map<Integer, CellProblem> problems = new HashMap<>();
			Function<ImportField, String> cell = field -> this.mapping.column(field)
				.stream()
				.mapToObj(row::cell)
				.findFirst()
				.orElse("");
			RowContent content = RowContent.of(this.mapping, row);
			phones(row, problems);
			CustomerForm customer = content.customer();
			problemIf(problems, ImportField.CUSTOMER_KIND,
					!cell.apply(ImportField.CUSTOMER_KIND).isBlank() && customer.kind() == null,
					CellProblem.UNKNOWN_KIND);
			problemIf(problems, ImportField.LEVEL, !cell.apply(ImportField.LEVEL).isBlank() && customer.level() == null,
					CellProblem.UNKNOWN_LEVEL);
			validate(customer,
					Map.of("name", ImportField.CUSTOMER_NAME, "industry", ImportField.INDUSTRY, "source",
							ImportField.SOURCE, "region", ImportField.REGION, "address", ImportField.ADDRESS, "notes",
							ImportField.NOTES),
					problems);
			if (content.contact() != null) {
				validate(content.contact(), Map.of("name", ImportField.CONTACT_NAME, "title", ImportField.CONTACT_TITLE,
						"email", ImportField.EMAIL, "wechat", ImportField.WECHAT), problems);
			}
			for (ImportField field : PLAIN_TEXT) {
				problemIf(problems, field, holdsPhone(cell.apply(field)), CellProblem.PHONE_IN_TEXT);
			}
			date(cell.apply(ImportField.FOLLOW_UP_DATE), ImportField.FOLLOW_UP_DATE, problems);
			Long owner = owner(cell.apply(ImportField.OWNER), problems);
			List<String> phones = content.phones();
			return new RowVerdict(row.number(),
					problems.isEmpty() ? RowVerdict.Verdict.NEW : RowVerdict.Verdict.INVALID, problems,
					CustomerNames.normalize(customer.name()), phones.isEmpty() ? null : phones.get(0), owner);
		}

		/**
		 * Every phone of the row must be one: the contact's column and the further ones.
		 */
		private void phones(ImportRow row, Map<Integer, CellProblem> problems) {
			this.mapping.fields().forEach((column, field) -> {
				if (field == ImportField.PHONE || field == ImportField.OTHER_PHONE) {
					for (String one : Values.several(row.cell(column))) {
						if (!PhoneNumbers.isValid(one)) {
							problems.putIfAbsent(column, CellProblem.INVALID_PHONE);
						}
					}
				}
			});
		}

		private static boolean holdsPhone(String text) {
			return !text.isBlank()
					&& SensitiveText.find(text).stream().anyMatch(f -> f.kind() == SensitiveText.Kind.PHONE);
		}

		private Long owner(String name, Map<Integer, CellProblem> problems) {
			if (name.isBlank()) {
				return null;
			}
			List<Long> found = this.owners.find(name);
			problemIf(problems, ImportField.OWNER, found.isEmpty(), CellProblem.UNKNOWN_OWNER);
			problemIf(problems, ImportField.OWNER, found.size() > 1, CellProblem.AMBIGUOUS_OWNER);
			return found.size() == 1 ? found.get(0) : null;
		}

		/**
		 * A date the file gives: readable, and not after now (what happened before
		 * Holdfast; a follow-up dated next year would otherwise be recorded as of today,
		 * silently).
		 */
		private void date(String text, ImportField field, Map<Integer, CellProblem> problems) {
			if (text.isBlank()) {
				return;
			}
			Optional<LocalDateTime> date = Values.dateTime(text);
			problemIf(problems, field, date.isEmpty(), CellProblem.INVALID_DATE);
			problemIf(problems, field,
					date.isPresent() && date.get()
						.atZone(RowValidation.this.clock.zone())
						.toInstant()
						.isAfter(RowValidation.this.clock.now()),
					CellProblem.FUTURE_DATE);
		}

		private <T> void validate(T form, Map<String, ImportField> fields, Map<Integer, CellProblem> problems) {
			for (ConstraintViolation<T> violation : RowValidation.this.validator.validate(form)) {
				String property = violation.getPropertyPath().toString();
				ImportField field = fields.get(property);
				if (field == null) {
					continue;
				}
				String annotation = violation.getConstraintDescriptor()
					.getAnnotation()
					.annotationType()
					.getSimpleName();
				CellProblem problem = switch (annotation) {
					case "NotBlank", "NotNull" -> CellProblem.REQUIRED;
					case "Size" -> CellProblem.TOO_LONG;
					case "Email" -> CellProblem.INVALID_EMAIL;
					default -> CellProblem.INVALID;
				};
				problemIf(problems, field, true, problem);
			}
		}

		private void problemIf(Map<Integer, CellProblem> problems, ImportField field, boolean condition,
				CellProblem problem) {
			if (condition) {
				problems.putIfAbsent(this.mapping.column(field).orElse(-1), problem);
			}
		}

	}

	/** How the cells' words become values. */
	static final class Values {

		private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
				DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
				DateTimeFormatter.ofPattern("yyyy年M月d日"));

		private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d H:mm"),
				DateTimeFormatter.ofPattern("yyyy/M/d H:mm"), DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss"));

		private Values() {
		}

		static Optional<dev.holdfast.customer.CustomerLevel> level(String text) {
			String level = text.strip().toUpperCase(java.util.Locale.ROOT).replace("级", "").replace("类", "").strip();
			try {
				return level.isEmpty() ? Optional.empty()
						: Optional.of(dev.holdfast.customer.CustomerLevel.valueOf(level));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}

		static Optional<dev.holdfast.customer.CustomerKind> kind(String text) {
			String kind = text.strip().toLowerCase(java.util.Locale.ROOT);
			if (kind.isEmpty() || List.of("公司", "企业", "单位", "company").contains(kind)) {
				return Optional.of(dev.holdfast.customer.CustomerKind.COMPANY);
			}
			return List.of("个人", "person", "individual").contains(kind)
					? Optional.of(dev.holdfast.customer.CustomerKind.PERSON) : Optional.empty();
		}

		static List<String> several(String text) {
			return java.util.Arrays.stream(text.split("[;；,，/、]"))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.toList();
		}

		static String first(String text) {
			List<String> values = several(text);
			return values.isEmpty() ? null : values.get(0);
		}

		static boolean anyOf(Function<ImportField, String> cell, ImportField... fields) {
			return java.util.Arrays.stream(fields).anyMatch(field -> !cell.apply(field).isBlank());
		}

		static Optional<LocalDateTime> dateTime(String text) {
			String value = text.strip();
			for (DateTimeFormatter format : TIMES) {
				try {
					return Optional.of(LocalDateTime.parse(value, format));
				}
				catch (DateTimeParseException ex) {
					// the next form
				}
			}
			for (DateTimeFormatter format : DATES) {
				try {
					return Optional.of(LocalDate.parse(value, format).atStartOfDay());
				}
				catch (DateTimeParseException ex) {
					// the next form
				}
			}
			return Optional.empty();
		}

	}

}
