package dev.holdfast.organization;

import java.util.List;

/**
 * A role: a set of permissions plus a data scope.
 */
public record RoleView(long id, String code, String name, DataScope dataScope, boolean builtIn,
		List<String> permissions) {
}
