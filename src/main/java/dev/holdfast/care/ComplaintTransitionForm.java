package dev.holdfast.care;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Moves a complaint to another status, with a note on what was done or why. */
public record ComplaintTransitionForm(@NotNull ComplaintStatus to, @Size(max = 2000) String note) {
}
