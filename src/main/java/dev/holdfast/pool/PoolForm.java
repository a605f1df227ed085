package dev.holdfast.pool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new pool, or a pool's changes (active null leaves it as it is). */
record PoolForm(@NotBlank @Size(max = 100) String name, Long departmentId, @Size(max = 100) String region,
		Boolean active) {
}
