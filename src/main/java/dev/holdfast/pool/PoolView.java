package dev.holdfast.pool;

import java.util.List;

/** A pool with its rules, for administrators. */
public record PoolView(long id, String name, Long departmentId, String region, boolean companyWide, boolean active,
		long customers, List<PoolRuleView> rules) {

	/** The pool's own rule for a level, or null when the company pool's applies. */
	public PoolRuleView rule(String level) {
		return this.rules.stream().filter(r -> r.level().equals(level)).findFirst().orElse(null);
	}

}
