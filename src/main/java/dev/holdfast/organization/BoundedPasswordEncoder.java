package dev.holdfast.organization;

import java.util.concurrent.Semaphore;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At most as many password hashes computed at once as the machine has processors; the
 * others wait their turn. A hash is deliberately slow CPU work (bcrypt), so more at once
 * finish no sooner, and a crowd of them starves every other request: at the start of a
 * sales day under load (issue 14, item 8) 111 of 177 request threads of an instance were
 * inside bcrypt, logins took two minutes and ordinary requests timed out behind them.
 * Waiting threads use no processor.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder encoder;

	private final Semaphore turns;

	BoundedPasswordEncoder(PasswordEncoder encoder, int atOnce) {
		this.encoder = encoder;
		this.turns = new Semaphore(Math.max(1, atOnce), true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		this.turns.acquireUninterruptibly();
		try {
			return this.encoder.encode(rawPassword);
		}
		finally {
			this.turns.release();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		this.turns.acquireUninterruptibly();
		try {
			return this.encoder.matches(rawPassword, encodedPassword);
		}
		finally {
			this.turns.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.encoder.upgradeEncoding(encodedPassword);
	}

}
