package dev.holdfast.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * People's words for codes: the one way to turn an enum constant, an audit action, a role
 * or any other code into the label of the reader's language. Templates use it as
 * {@code ${@labels.of(c.kind())}}, Java code (exports, notifications) with an explicit
 * locale. The key of a constant is {@code enum.<SimpleName>.<CONSTANT>} (a nested enum:
 * {@code enum.<Outer>.<Inner>.<CONSTANT>}), unless the enum says otherwise through
 * {@link LabelPrefix} or {@link Labelled}; {@code LabelCompletenessTests} fails on any
 * constant without a label in either language. A missing label shows the code rather than
 * failing the page.
 */
@Component("labels")
public class Labels {

	/** Prefix of the audit actions' labels. */
	public static final String AUDIT_ACTION = "audit.action";

	/**
	 * Prefix of the built-in roles' labels; a custom role is shown by the name it was
	 * given.
	 */
	public static final String ROLE = "role.builtin";

	private final MessageSource messages;

	public Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** The message key of an enum constant. */
	public static String key(Enum<?> value) {
		if (value instanceof Labelled labelled) {
			return labelled.labelKey();
		}
		return prefix(value.getDeclaringClass()) + "." + value.name();
	}

	/** The key prefix of an enum's constants (not used by {@link Labelled} enums). */
	public static String prefix(Class<?> type) {
		LabelPrefix prefix = type.getAnnotation(LabelPrefix.class);
		if (prefix != null) {
			return prefix.value();
		}
		String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
		return "enum." + name;
	}

	/** The label of an enum constant in the reader's language; empty for null. */
	public String of(Enum<?> value) {
		return of(value, LocaleContextHolder.getLocale());
	}

	public String of(Enum<?> value, Locale locale) {
		return value == null ? "" : this.messages.getMessage(key(value), null, value.name(), locale);
	}

	/**
	 * The label of a code stored as text, e.g.
	 * {@code code('audit.action', 'LOGIN_FAILED')}.
	 */
	public String code(String prefix, String code) {
		return code(prefix, code, LocaleContextHolder.getLocale());
	}

	public String code(String prefix, String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return this.messages.getMessage(prefix + "." + code, null, code, locale);
	}

	/**
	 * The labels of comma-separated codes, joined as the reader's language lists things.
	 */
	public String codes(String prefix, String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return "";
		}
		return list(Arrays.stream(commaSeparated.split(",")).map(String::strip).map(c -> code(prefix, c)).toList());
	}

	/**
	 * Labels joined as the reader's language lists things: 、 in Chinese, a comma in
	 * English.
	 */
	public String list(Collection<String> labels) {
		boolean chinese = Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
		return labels.stream().collect(Collectors.joining(chinese ? "、" : ", "));
	}

	/** An audit action's label. */
	public String action(String action) {
		return code(AUDIT_ACTION, action);
	}

	/**
	 * A role's label: a built-in role's in the reader's language, a custom role's code.
	 */
	public String role(String code) {
		return role(code, code);
	}

	/**
	 * A role's label: a built-in role's in the reader's language, a custom role's name.
	 */
	public String role(String code, String name) {
		if (code == null) {
			return name == null ? "" : name;
		}
		return this.messages.getMessage(ROLE + "." + code, null, name == null ? code : name,
				LocaleContextHolder.getLocale());
	}

}
