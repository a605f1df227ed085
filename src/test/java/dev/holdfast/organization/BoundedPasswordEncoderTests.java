package dev.holdfast.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password hashes are computed at most n at once, whoever asks (issue 14, item 8: a login
 * storm put most request threads into bcrypt at once), and each answer is still the
 * encoder's.
 */
class BoundedPasswordEncoderTests {

	@Test
	void noMoreHashesAtOnceThanAllowedAndEachAnswerIsTheEncoders() throws Exception {
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		CountDownLatch crowd = new CountDownLatch(1);
		PasswordEncoder slow = new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				return "h:" + raw;
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				most.accumulateAndGet(inside.incrementAndGet(), Math::max);
				try {
					crowd.await(50, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				inside.decrementAndGet();
				return encoded.equals(encode(raw));
			}

		};
		PasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2);
		ExecutorService logins = Executors.newFixedThreadPool(16);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				String password = "口令" + i;
				String stored = i % 2 == 0 ? "h:" + password : "h:别的";
				answers.add(logins.submit(() -> bounded.matches(password, stored)));
			}
			for (int i = 0; i < answers.size(); i++) {
				assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).as("login " + i).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			logins.shutdownNow();
		}
		assertThat(most.get()).isBetween(1, 2);
		assertThat(bounded.encode("甲")).isEqualTo("h:甲");
	}

}
