package dev.holdfast.knowhow;

import java.util.List;

/**
 * A published sequence with its steps.
 */
public record KnowHowDetails(KnowHowSummary summary, List<KnowHowStep> steps) {
}
