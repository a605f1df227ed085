package dev.holdfast.organization;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A custom role.
 */
public record RoleForm(
		@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,49}",
				message = "2 to 50 capital letters, digits or underscores, starting with a letter") String code,
		@NotBlank @Size(max = 100) String name, @NotNull DataScope dataScope,
		@NotNull @Size(max = 50) List<@NotBlank String> permissions) {
}
