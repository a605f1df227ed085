package dev.holdfast.organization;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.holdfast.shared.GuardedAction;

/**
 * What an employee serving notice (LEAVING) may no longer do: every {@link GuardedAction}
 * (ownership, team membership, pool state, contact phone and e-mail, reveal, export,
 * ...), unless {@code allowed} names it, plus any further permission codes in
 * {@code restricted}. Deny by default: an action added to the enum is refused during
 * notice without anyone adding it here. Taken away at once on every instance, since roles
 * are reloaded on every request. Leavers keep working on their own customers otherwise
 * (follow-ups, contact names and notes).
 *
 * @param allowed codes of guarded actions an employee serving notice may still perform
 * (none by default)
 * @param restricted further permission codes refused during the notice period, whatever
 * the employee's roles grant
 */
@ConfigurationProperties("holdfast.offboarding.notice-period")
public record NoticePeriodPolicy(@DefaultValue Set<String> allowed, @DefaultValue Set<String> restricted) {

	public NoticePeriodPolicy {
		Set<String> guarded = Arrays.stream(GuardedAction.values())
			.map(GuardedAction::code)
			.collect(Collectors.toSet());
		for (String code : allowed) {
			if (!guarded.contains(code)) {
				throw new IllegalArgumentException("holdfast.offboarding.notice-period.allowed names " + code
						+ ", which is no guarded action; known: " + new TreeSet<>(guarded));
			}
		}
		allowed = Set.copyOf(allowed);
		restricted = Set.copyOf(restricted);
	}

	/** The codes taken away from an employee serving notice, sorted. */
	public Set<String> duringNotice() {
		Set<String> codes = new TreeSet<>(this.restricted);
		for (GuardedAction action : GuardedAction.values()) {
			if (!this.allowed.contains(action.code())) {
				codes.add(action.code());
			}
		}
		return codes;
	}

	/** The codes taken away from an employee of the given status. */
	Set<String> restrictionsFor(EmploymentStatus status) {
		return status == EmploymentStatus.LEAVING ? duringNotice() : Set.of();
	}

}
