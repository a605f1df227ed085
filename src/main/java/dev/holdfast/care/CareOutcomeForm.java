package dev.holdfast.care;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What came of a care visit: whether the customer was reached, what was said, and how
 * satisfied they are (1–5, optional when not reached).
 */
public record CareOutcomeForm(@NotNull Boolean reached, @NotBlank @Size(max = 2000) String outcome,
		@Min(1) @Max(5) Integer satisfaction) {
}
