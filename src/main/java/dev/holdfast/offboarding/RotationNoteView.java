package dev.holdfast.offboarding;

import java.time.Instant;

/**
 * A rotation's handover note about one customer, once the customer moved: who gave it,
 * who took it over, when, and the note (shown on the customer's page beside the
 * departures' notes).
 */
public record RotationNoteView(long planId, String fromName, String toName, Instant movedAt, String note) {
}
