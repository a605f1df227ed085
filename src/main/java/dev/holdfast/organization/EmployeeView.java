package dev.holdfast.organization;

import java.time.Instant;
import java.util.List;

/**
 * An employee as administrators see it.
 */
public record EmployeeView(long id, String username, String displayName, String email, String phone, Long departmentId,
		Long managerId, List<String> roles, EmploymentStatus status, long version, Instant createdAt) {
}
