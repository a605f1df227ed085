package dev.holdfast.care;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.holdfast.shared.InvalidInputException;

/**
 * A complaint as it is recorded: what it is about, the details, how severe ({@code LOW},
 * {@code MEDIUM}, {@code HIGH}, {@code CRITICAL}) and how it came in ({@code PHONE},
 * {@code EMAIL}, {@code WECHAT}, {@code VISIT}, {@code OTHER}).
 */
public record ComplaintForm(@NotBlank @Size(max = 200) String summary, @Size(max = 5000) String details,
		@NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH|CRITICAL") String severity,
		@NotNull @Pattern(regexp = "PHONE|EMAIL|WECHAT|VISIT|OTHER") String channel) {

	/** The severities, mildest first. */
	public static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

	/** The channels a complaint comes in through. */
	public static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "WECHAT", "VISIT", "OTHER");

	/** The same checks as the annotations, for forms bound without them (the web UI). */
	void check() {
		if (this.summary == null || this.summary.isBlank() || this.summary.length() > 200) {
			throw new InvalidInputException("summary", "is required, at most 200 characters");
		}
		if (this.details != null && this.details.length() > 5000) {
			throw new InvalidInputException("details", "at most 5000 characters");
		}
		if (!SEVERITIES.contains(this.severity)) {
			throw new InvalidInputException("severity", "one of " + String.join(", ", SEVERITIES));
		}
		if (!CHANNELS.contains(this.channel)) {
			throw new InvalidInputException("channel", "one of " + String.join(", ", CHANNELS));
		}
	}

}
