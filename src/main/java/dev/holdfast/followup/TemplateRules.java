package dev.holdfast.followup;

import java.util.HashSet;
import java.util.Set;

import dev.holdfast.shared.InvalidInputException;

/**
 * What a template must be beyond its annotations: for a kind, a level or both; keys used
 * once; a choice with options.
 */
final class TemplateRules {

	private TemplateRules() {
	}

	static void check(FollowUpTemplateForm form) {
		if (form.kind() == null && form.level() == null) {
			throw new InvalidInputException("kind", "give a kind, a level or both");
		}
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < form.fields().size(); i++) {
			TemplateField field = form.fields().get(i);
			if (!keys.add(field.key())) {
				throw new InvalidInputException("fields[" + i + "].key", "is used by another field");
			}
			if (field.type() == TemplateFieldType.CHOICE && field.options().isEmpty()) {
				throw new InvalidInputException("fields[" + i + "].options", "a choice needs options");
			}
		}
	}

}
