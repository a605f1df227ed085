package dev.holdfast.offboarding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Ending employment at once, for cause: the reason is required and kept. */
public record TerminationForm(@NotBlank @Size(max = 1000) String reason) {
}
