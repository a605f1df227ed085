package dev.holdfast.agreement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A version to publish. Empty term and grace take the configured defaults; a non-compete
 * clause needs its term.
 */
record VersionForm(@NotBlank @Size(max = 100_000) String textZh, @NotBlank @Size(max = 100_000) String textEn,
		@NotBlank @Size(max = 2000) String scope, @Min(0) @Max(600) Integer termMonths,
		@Size(max = 4000) String nonCompeteText, @Min(1) @Max(600) Integer nonCompeteMonths,
		@Min(0) @Max(365) Integer graceDays) {
}
