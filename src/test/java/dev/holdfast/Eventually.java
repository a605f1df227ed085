package dev.holdfast;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Waits for what an asynchronous listener ({@code @ApplicationModuleListener}, after the
 * commit) does: polls until the value is what the test expects, ten seconds at most, and
 * returns it, so the test then asserts on it as before. Never a fixed sleep.
 */
public final class Eventually {

	private static final Duration AT_MOST = Duration.ofSeconds(10);

	private Eventually() {
	}

	public static <T> T value(String what, Callable<T> value, Predicate<T> done) {
		return Awaitility.await(what).atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(value, done::test);
	}

}
