package dev.holdfast.pool;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A pool's rule for one level; empty days switch that clock off. */
record PoolRuleForm(@Min(1) @Max(3650) Integer returnAfterDays, @Min(1) @Max(3650) Integer noProgressDays,
		@NotNull @Min(0) @Max(365) Integer warnDays, Boolean active) {
}
