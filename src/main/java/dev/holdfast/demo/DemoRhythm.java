package dev.holdfast.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.followup.FollowUpRhythm;
import dev.holdfast.pool.PoolAdministration;
import dev.holdfast.pool.PoolView;
import dev.holdfast.shared.HoldfastClock;

/**
 * Where a demo customer's last follow-up lies, so that the demo company looks like one
 * that has worked for months under its own rules: most customers were followed up within
 * their level's rhythm, some are overdue ({@code OverdueCustomers} counts them), and none
 * is so far behind that the public pool's rules would warn its owner or take it back on
 * the first night.
 */
@Component
class DemoRhythm {

	/** Of the customers a level lets be overdue, this share is. */
	static final double OVERDUE_SHARE = 0.4;

	/**
	 * Never closer than this to a due date or a pool warning: the pool job runs nightly.
	 */
	private static final Duration MARGIN = Duration.ofDays(1);

	/** How far back a customer without rhythm or pool rule was last followed up. */
	private static final Duration UNRULED = Duration.ofDays(60);

	private final FollowUpRhythm rhythm;

	private final PoolAdministration pools;

	private final DemoWorkingHours hours;

	DemoRhythm(FollowUpRhythm rhythm, PoolAdministration pools, HoldfastClock clock) {
		this.rhythm = rhythm;
		this.pools = pools;
		this.hours = new DemoWorkingHours(clock.zone());
	}

	/**
	 * The company's rules at the instant: the rhythm, and when the company pool warns per
	 * level.
	 */
	Clocks clocks(Instant now) {
		Map<CustomerLevel, Duration> leashes = new EnumMap<>(CustomerLevel.class);
		this.pools.pools()
			.stream()
			.filter(PoolView::companyWide)
			.flatMap((pool) -> pool.rules().stream())
			.filter((rule) -> rule.active() && rule.returnAfterDays() != null)
			.forEach((rule) -> leashes.put(CustomerLevel.valueOf(rule.level()),
					Duration.ofDays(rule.returnAfterDays() - rule.warnDays())));
		return new Clocks(this.rhythm, leashes, this.hours, now);
	}

	/**
	 * @param leashes per level, how long after its last follow-up a customer's owner is
	 * warned that it returns to the pool
	 * @param hours where the follow-ups are moved to, office hours
	 * @param now the instant the ages are counted back from
	 */
	record Clocks(FollowUpRhythm rhythm, Map<CustomerLevel, Duration> leashes, DemoWorkingHours hours, Instant now) {

		/**
		 * How long ago a customer of the level was last followed up: an age whose
		 * instant, once {@link DemoWorkingHours#within moved into office hours}, is still
		 * as old as the rules want.
		 */
		Duration lastFollowUpAge(DemoFaker faker, CustomerLevel level) {
			Optional<Duration> interval = this.rhythm.interval(level);
			Optional<Duration> leash = Optional.ofNullable(this.leashes.get(level));
			if (interval.isPresent() && (leash.isEmpty() || interval.get().compareTo(leash.get()) < 0)
					&& faker.chance(OVERDUE_SHARE)) {
				Duration end = leash.filter(l -> l.compareTo(interval.get().multipliedBy(3)) < 0)
					.orElse(interval.get().multipliedBy(3));
				return between(faker, interval.get().plus(MARGIN), end.minus(MARGIN));
			}
			Duration end = interval.map(i -> leash.filter(l -> l.compareTo(i) < 0).orElse(i))
				.or(() -> leash)
				.orElse(UNRULED);
			return between(faker, Duration.ofHours(1), end.minus(MARGIN));
		}

		private Duration between(DemoFaker faker, Duration from, Duration to) {
			if (to.compareTo(from) <= 0) {
				return from;
			}
			Duration age = from;
			for (int attempt = 0; attempt < 50; attempt++) {
				age = from.plusSeconds((long) (faker.fraction() * to.minus(from).toSeconds()));
				Duration moved = Duration.between(this.hours.within(this.now.minus(age)), this.now);
				if (moved.compareTo(from) >= 0 && moved.compareTo(to) <= 0) {
					return age;
				}
			}
			return age;
		}

	}

}
