package dev.holdfast.care;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A complaint as it is recorded: what it is about, the details, how severe ({@code LOW},
 * {@code MEDIUM}, {@code HIGH}, {@code CRITICAL}) and how it came in ({@code PHONE},
 * {@code EMAIL}, {@code WECHAT}, {@code VISIT}, {@code OTHER}).
 */
public record ComplaintForm(@NotBlank @Size(max = 200) String summary, @Size(max = 5000) String details,
		@NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH|CRITICAL") String severity,
		@NotNull @Pattern(regexp = "PHONE|EMAIL|WECHAT|VISIT|OTHER") String channel) {
}
