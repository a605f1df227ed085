package dev.holdfast.followup;

/**
 * What a template field holds, and so how the form shows it and the server checks it.
 */
public enum TemplateFieldType {

	TEXT, TEXTAREA, DATE, NUMBER, CHOICE

}
