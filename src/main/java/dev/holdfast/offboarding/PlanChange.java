package dev.holdfast.offboarding;

import jakarta.validation.constraints.NotNull;

/** One edit of a handover plan: this customer goes to that employee. */
public record PlanChange(@NotNull Long customerId, @NotNull Long newOwnerId) {
}
