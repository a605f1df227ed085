package dev.holdfast.followup;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups recorded as of the day they happened (moving in; the demo company), in
 * chunks.
 */
@Service
public class PastFollowUps {

	/**
	 * Records follow-ups as of their {@code at}, batch, in the caller's transaction; one
	 * audit event each ({@code FOLLOW_UP_CREATED} with facts backdated=true, source);
	 * moves each customer's last follow-up forward (never back). Needs
	 * {@code customer.import}; each customer must be writable by the caller or just
	 * recorded by them.
	 */
	@Transactional
	public List<Long> recordAll(List<PastFollowUp> followUps, String source) {
		throw new UnsupportedOperationException("not yet");
	}

}
