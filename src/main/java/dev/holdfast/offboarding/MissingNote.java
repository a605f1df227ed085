package dev.holdfast.offboarding;

/**
 * A key (A/B) customer of a plan, still to be handed over, without a handover note: what
 * a handover must be told to accept. Only for callers who run the case, who see the
 * plan's customer names anyway.
 */
public record MissingNote(long customerId, String name, String level) {
}
