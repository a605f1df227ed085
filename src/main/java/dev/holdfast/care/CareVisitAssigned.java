package dev.holdfast.care;

import java.time.LocalDate;

/**
 * Care visits were given to a visitor by someone else (a coordinator, the care rhythm, a
 * handover or a complaint): the visitor is told after the commit, once per batch (one
 * event per visitor and batch, naming the earliest visit and how many there are).
 *
 * @param firstVisitId the earliest due of the batch's visits
 * @param firstDue when it is due
 */
public record CareVisitAssigned(long assigneeId, long firstVisitId, int count, LocalDate firstDue) {
}
