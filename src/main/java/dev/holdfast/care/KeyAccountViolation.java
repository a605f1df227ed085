package dev.holdfast.care;

/**
 * A key customer with fewer people on it than the policy asks: {@code people} counts the
 * owner and the active, unexpired team members. The default fix puts the owner's manager
 * ({@code managerId}, null when there is none or they are not active) on the team.
 */
public record KeyAccountViolation(long customerId, String name, String level, long ownerId, String ownerName,
		int people, int required, Long managerId, String managerName) {
}
