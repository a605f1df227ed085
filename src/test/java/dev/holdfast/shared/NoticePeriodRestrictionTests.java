package dev.holdfast.shared;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one permission check refuses what a notice period takes away with that reason,
 * whether or not a role grants it, and leaves everything else alone. Export and claim go
 * through this check the moment their endpoints exist.
 */
class NoticePeriodRestrictionTests {

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void restrictedPermissionsAreRefusedAsNoticePeriod() {
		callerWith("customer.create", "followup.create", "restricted:export.request", "restricted:customer.claim",
				"restricted:contact.reveal", "restricted:role.manage");
		for (Permission restricted : new Permission[] { Permission.EXPORT_REQUEST, Permission.CUSTOMER_CLAIM,
				Permission.CONTACT_REVEAL }) {
			assertThatThrownBy(restricted::require).isInstanceOf(NoticePeriodException.class)
				.hasMessageStartingWith("notice period")
				.extracting(ex -> ((ForbiddenException) ex).code())
				.isEqualTo("notice_period");
		}
		// HR serving notice may not change roles, although HR never held role.manage
		assertThatThrownBy(Permission.ROLE_MANAGE::refuseIfRestricted).isInstanceOf(NoticePeriodException.class);
		Permission.CUSTOMER_CREATE.require();
		Permission.FOLLOWUP_CREATE.require();
	}

	@Test
	void aMissingPermissionIsAPlainRefusal() {
		callerWith("followup.create");
		assertThatThrownBy(Permission.EXPORT_REQUEST::require).isInstanceOf(ForbiddenException.class)
			.isNotInstanceOf(NoticePeriodException.class);
		Permission.ROLE_MANAGE.refuseIfRestricted();
		assertThat(Permission.FOLLOWUP_CREATE.isHeld()).isTrue();
	}

	private static void callerWith(String... authorities) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("someone", null,
					AuthorityUtils.createAuthorityList(authorities)));
	}

}
