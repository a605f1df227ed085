package dev.holdfast.offboarding;

import java.util.Set;

import dev.holdfast.shared.InvalidInputException;

/** Checks the filters of the plan table. */
final class PlanFilters {

	private static final Set<String> LEVELS = Set.of("A", "B", "C", "D");

	private PlanFilters() {
	}

	static String level(String level) {
		if (level == null || level.isBlank()) {
			return null;
		}
		if (!LEVELS.contains(level)) {
			throw new InvalidInputException("level", "must be one of A, B, C, D");
		}
		return level;
	}

}
