package dev.holdfast.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.NoticePeriodException;
import dev.holdfast.shared.Permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notice period takes away every guarded action, whichever the enum holds: the list
 * of restrictions is computed from {@link GuardedAction}, so a new action is refused to
 * leavers without anyone adding it to a list, and only an explicit allow-list lets one
 * through.
 */
class NoticePeriodPolicyTests {

	private static final NoticePeriodPolicy DEFAULT = new NoticePeriodPolicy(Set.of(), Set.of());

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void everyGuardedActionIsRefusedToAnEmployeeServingNotice() {
		callerOfStatus(DEFAULT, EmploymentStatus.LEAVING);
		for (GuardedAction action : GuardedAction.values()) {
			assertThatThrownBy(action::require).as(action.name())
				.isInstanceOf(NoticePeriodException.class)
				.hasMessageContaining(action.code());
			assertThatThrownBy(action::check).as(action.name()).isInstanceOf(NoticePeriodException.class);
		}
		assertThat(DEFAULT.duringNotice()).hasSize(GuardedAction.values().length);
	}

	@Test
	void nothingIsRestrictedForAnActiveEmployee() {
		callerOfStatus(DEFAULT, EmploymentStatus.ACTIVE);
		for (GuardedAction action : GuardedAction.values()) {
			assertThatNoException().as(action.name()).isThrownBy(action::check);
		}
		assertThat(DEFAULT.restrictionsFor(EmploymentStatus.ACTIVE)).isEmpty();
	}

	@Test
	void onlyWhatThePolicyAllowsExplicitlyIsLeftToALeaverAndExtraPermissionsCanBeTakenToo() {
		NoticePeriodPolicy policy = new NoticePeriodPolicy(Set.of("contact.reveal"), Set.of("followup.create"));
		callerOfStatus(policy, EmploymentStatus.LEAVING);

		assertThatNoException().isThrownBy(GuardedAction.REVEAL::check);
		assertThatThrownBy(GuardedAction.RETURN_TO_POOL::check).isInstanceOf(NoticePeriodException.class);
		assertThatThrownBy(Permission.FOLLOWUP_CREATE::require).isInstanceOf(NoticePeriodException.class);
		assertThat(policy.duringNotice()).doesNotContain("contact.reveal").contains("followup.create", "pool.return");
	}

	@Test
	void anAllowListNamingNoGuardedActionIsAMistakeAtStartup() {
		assertThatThrownBy(() -> new NoticePeriodPolicy(Set.of("pool.retrun"), Set.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("pool.retrun");
	}

	@Test
	void actionCodesAreUnique() {
		assertThat(java.util.Arrays.stream(GuardedAction.values()).map(GuardedAction::code).distinct().count())
			.isEqualTo(GuardedAction.values().length);
	}

	/** Authorities as the security module builds them from the policy. */
	private static void callerOfStatus(NoticePeriodPolicy policy, EmploymentStatus status) {
		List<String> authorities = new ArrayList<>(List.of("customer.create", "customer.transfer", "contact.reveal",
				"customer.claim", "pool.assign", "followup.create"));
		policy.restrictionsFor(status).forEach(code -> {
			authorities.remove(code);
			authorities.add(Permission.RESTRICTED_PREFIX + code);
		});
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("someone", null,
					AuthorityUtils.createAuthorityList(authorities)));
	}

}
