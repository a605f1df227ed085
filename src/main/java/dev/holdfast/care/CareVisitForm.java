package dev.holdfast.care;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Schedules a care visit by hand: when, who (customer service; by default the caller if
 * they are, else the least busy), why ({@code MANUAL}, {@code RHYTHM} or
 * {@code COMPLAINT}; {@code MANUAL} when left out) and a note for the visitor.
 */
public record CareVisitForm(@NotNull LocalDate dueOn, Long assigneeId, String reason, @Size(max = 2000) String note) {
}
