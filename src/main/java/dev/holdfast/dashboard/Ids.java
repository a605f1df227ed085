package dev.holdfast.dashboard;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A set of ids as one PostgreSQL array literal, bound as a single parameter
 * ({@code = any(cast(:ids as bigint[]))}) however many thousand ids there are.
 */
final class Ids {

	private Ids() {
	}

	static String array(Collection<Long> ids) {
		return ids == null ? "{}" : ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
