package dev.holdfast.care;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What came of a care visit: whether the customer was reached, what was said, how
 * satisfied they are (1–5, optional when not reached) and what the company does next
 * (blank actions are ignored).
 */
public record CareOutcomeForm(@NotNull Boolean reached, @NotBlank @Size(max = 2000) String outcome,
		@Min(1) @Max(5) Integer satisfaction, @Size(max = 10) List<@Size(max = 500) String> actions) {

	List<String> cleanActions() {
		return this.actions == null ? List.of()
				: this.actions.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
	}

}
