package dev.holdfast.knowhow;

/**
 * One step of a published sequence: its kind and redacted text, dated only as the day
 * since the first step.
 */
public record KnowHowStep(int position, int day, String kind, String content) {
}
