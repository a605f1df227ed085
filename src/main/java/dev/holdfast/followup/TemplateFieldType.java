package dev.holdfast.followup;

import dev.holdfast.shared.LabelPrefix;

/**
 * What a template field holds, and so how the form shows it and the server checks it.
 */
@LabelPrefix("rhythm.type")
public enum TemplateFieldType {

	TEXT, TEXTAREA, DATE, NUMBER, CHOICE

}
