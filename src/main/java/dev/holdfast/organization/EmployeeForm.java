package dev.holdfast.organization;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new employee. {@code passwordChangeRequired}: the employee must replace the password
 * at their first login (the web form always asks for it; left out, the API does not).
 */
public record EmployeeForm(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}",
				message = "3 to 64 letters, digits, dots, dashes or underscores") String username,
		@NotBlank @Size(max = 100) String displayName,
		@NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
		Long departmentId, Long managerId, @Size(max = 20) List<@NotBlank @Size(max = 50) String> roles,
		@Email @Size(max = 200) String email, @Size(max = 32) String phone, Boolean passwordChangeRequired) {
}
