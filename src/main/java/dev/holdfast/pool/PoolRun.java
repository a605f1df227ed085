package dev.holdfast.pool;

import java.time.LocalDate;

/**
 * What one night's run of the pool rules did.
 *
 * @param day the company day the run is for
 * @param ran false when another run (here or on another instance) has that day already
 * @param returned customers returned to a pool
 * @param warned owners warned of a coming return (one per customer and cycle)
 */
public record PoolRun(LocalDate day, boolean ran, int returned, int warned) {

	static PoolRun skipped(LocalDate day) {
		return new PoolRun(day, false, 0, 0);
	}

}
