package dev.holdfast.offboarding;

import java.time.LocalDate;

import org.springframework.context.ApplicationContext;

/**
 * The last working day's job for tests of other modules, whose package cannot reach the
 * job: the departures of every case whose last day ended before {@code today}.
 */
public final class Departing {

	private Departing() {
	}

	public static int lastWorkingDaysEndedBefore(ApplicationContext context, LocalDate today) {
		return context.getBean(LastWorkingDayJob.class).runFor(today);
	}

}
