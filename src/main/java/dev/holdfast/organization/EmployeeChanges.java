package dev.holdfast.organization;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A partial update of an employee: fields left out (null) stay as they are.
 * {@code clearManager} removes the manager; {@code passwordChangeRequired} makes the
 * employee replace a new {@code password} at their next login.
 */
public record EmployeeChanges(@Size(min = 1, max = 100) String displayName, @Email @Size(max = 200) String email,
		@Size(max = 32) String phone, Long departmentId, Long managerId, Boolean clearManager,
		@Size(max = 20) List<@Size(min = 1, max = 50) String> roles, EmploymentStatus status,
		@Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password, Long version,
		Boolean passwordChangeRequired) {
}
