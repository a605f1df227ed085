package dev.holdfast.followup;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One field a follow-up of a template carries. A DATE field with the key
 * {@value #NEXT_CONTACT} also sets the follow-up's next-contact date.
 *
 * @param key the name of the value in a follow-up's {@code fields}
 * @param options the allowed answers of a CHOICE field
 * @param required whether a follow-up must give a value (false if not given)
 * @param order where the field stands in the form, smallest first (0 if not given)
 */
public record TemplateField(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_]*") String key,
		@NotBlank @Size(max = 100) String labelZh, @NotBlank @Size(max = 100) String labelEn,
		@NotNull TemplateFieldType type, Boolean required, List<@NotBlank @Size(max = 100) String> options,
		Integer order) {

	static final String NEXT_CONTACT = "nextContactAt";

	public TemplateField {
		options = options == null ? List.of() : List.copyOf(options);
		required = Boolean.TRUE.equals(required);
		// fields of equal order keep the order of the list
		order = order == null ? 0 : order;
	}

	/** The label in the reader's language. */
	public String label(java.util.Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.labelZh : this.labelEn;
	}

}
