package dev.holdfast.followup;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which follow-ups count for a customer's rhythm and the public pool's reclaim clock: one
 * of the {@code kinds} (a visit or a meeting is real work however short its note), or a
 * note of at least {@code minLength} characters, or one with a file attached. A one-word
 * note is recorded like any other but resets no clock.
 *
 * @param minLength the shortest note that counts on its own
 * @param kinds the kinds that count whatever their note
 */
@ConfigurationProperties("holdfast.followup.substantive")
public record SubstantiveRule(@DefaultValue("20") int minLength, @DefaultValue( {
		"VISIT", "MEETING" }) Set<FollowUpKind> kinds){

	boolean counts(FollowUpKind kind, String content) {
		return this.kinds.contains(kind)
				|| content.strip().codePointCount(0, content.strip().length()) >= this.minLength;
	}

}
