package dev.holdfast.pool;

import java.util.List;

/** A pool with its rules, for administrators. */
public record PoolView(long id, String name, Long departmentId, String region, boolean companyWide, boolean active,
		long customers, List<PoolRuleView> rules) {
}
