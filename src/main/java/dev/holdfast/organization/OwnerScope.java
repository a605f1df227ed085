package dev.holdfast.organization;

import java.util.Set;

/**
 * The owners whose customers an employee sees through their data scopes: everyone, or a
 * set of employee ids.
 */
public record OwnerScope(boolean all, Set<Long> ownerIds) {

	static OwnerScope everyone() {
		return new OwnerScope(true, Set.of());
	}

	static OwnerScope of(Set<Long> ownerIds) {
		return new OwnerScope(false, Set.copyOf(ownerIds));
	}

	public boolean covers(Long ownerId) {
		return this.all || (ownerId != null && this.ownerIds.contains(ownerId));
	}

}
