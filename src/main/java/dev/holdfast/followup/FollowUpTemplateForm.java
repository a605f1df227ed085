package dev.holdfast.followup;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.holdfast.customer.CustomerLevel;

/**
 * A template as an administrator defines it: for a kind of follow-up, a customer level,
 * or both (the more specific template wins).
 */
record FollowUpTemplateForm(@NotBlank @Size(max = 100) String name, FollowUpKind kind, CustomerLevel level,
		@NotNull @Size(max = 30) List<@Valid @NotNull TemplateField> fields) {
}
