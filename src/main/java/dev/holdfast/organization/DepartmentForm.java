package dev.holdfast.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new department.
 */
public record DepartmentForm(@NotBlank @Size(max = 100) String name, Long parentId) {
}
