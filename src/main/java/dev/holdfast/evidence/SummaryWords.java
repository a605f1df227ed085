package dev.holdfast.evidence;

import java.time.Instant;
import java.util.Locale;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.holdfast.customer.Masking;
import dev.holdfast.offboarding.HandoverRecords;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Labels;

/**
 * What the summary's template asks in words: times in the company's zone, audit actions
 * in the package's language, and free text with any phone number or e-mail address in it
 * masked ({@link Masking#freeText}), unless the package was approved unmasked.
 */
final class SummaryWords {

	private static final int DETAILS = 240;

	private final HoldfastClock clock;

	private final Labels labels;

	private final Locale locale;

	private final boolean unmasked;

	SummaryWords(HoldfastClock clock, Labels labels, Locale locale, boolean unmasked) {
		this.unmasked = unmasked;
		this.clock = clock;
		this.labels = labels;
		this.locale = locale;
	}

	public String time(Instant instant) {
		return this.clock.dateTime(instant);
	}

	public String action(String action) {
		return this.labels.code(Labels.AUDIT_ACTION, action, this.locale);
	}

	/** The label of a code under the prefix, e.g. {@code risk.severity}. */
	public String code(String prefix, String code) {
		return this.labels.code(prefix, code, this.locale);
	}

	public String indicator(String indicator) {
		return this.labels.code("risk.indicator", indicator, this.locale);
	}

	public String masked(String text) {
		if (text == null) {
			return "";
		}
		return this.unmasked ? text : Masking.freeText(text);
	}

	/** An event's facts, masked and cut to a line or two. */
	public String details(String details) {
		String masked = masked(details);
		return masked.length() <= DETAILS ? masked : masked.substring(0, DETAILS) + "…";
	}

	/** A handover note's four parts, masked, on one line each. */
	public String note(HandoverRecords.Note note) {
		return Stream.of(note.keyContacts(), note.promises(), note.openIssues(), note.nextStep())
			.filter(part -> part != null && !part.isBlank())
			.map(this::masked)
			.collect(Collectors.joining("\n"));
	}

	public String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
	}

}
