package dev.holdfast.provisioning;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The configured SCIM token ({@code holdfast.scim.token}) acts as the administrator named
 * in the configuration, only while that account is an administrator who may log in.
 */
class ScimCallersTests {

	private static final String CONFIGURED = "configured-scim-token-0123456789abcdef";

	private final OrganizationManagement organization = mock(OrganizationManagement.class);

	private final ScimTokens tokens = mock(ScimTokens.class);

	private ScimCallers callers(String token) {
		when(this.tokens.use(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
		return new ScimCallers(this.tokens, this.organization, new ScimProperties(token, "root", 100));
	}

	private void account(EmploymentStatus status, Set<String> permissions) {
		when(this.organization.loginAccount("root")).thenReturn(Optional.of(new LoginAccount(7, "root", "管理员", "hash",
				status, Instant.EPOCH, Set.of("ADMIN"), permissions, Set.of(), Set.of())));
	}

	@Test
	void theConfiguredTokenActsAsTheAdministratorWithProvisioningPermissionsOnly() {
		account(EmploymentStatus.ACTIVE, Set.of("role.manage", "employee.manage", "offboarding.execute", "audit.read"));

		Authentication caller = callers(CONFIGURED).authenticate(CONFIGURED).orElseThrow();

		assertThat(((ScimClient) caller.getPrincipal()).employeeId()).isEqualTo(7);
		assertThat(caller.getName()).isEqualTo("scim:configured");
		assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder(ScimCallers.SCIM, "role.manage", "employee.manage", "offboarding.execute");
	}

	@Test
	void theConfiguredTokenFailsClosed() {
		account(EmploymentStatus.ACTIVE, Set.of("employee.manage", "offboarding.execute"));
		assertThat(callers(CONFIGURED).authenticate(CONFIGURED)).as("no longer an administrator").isEmpty();

		account(EmploymentStatus.DEPARTED, Set.of("role.manage", "employee.manage"));
		assertThat(callers(CONFIGURED).authenticate(CONFIGURED)).as("departed").isEmpty();

		account(EmploymentStatus.ACTIVE, Set.of("role.manage"));
		assertThat(callers("short").authenticate("short")).as("too short to be configured").isEmpty();
		assertThat(callers("").authenticate(CONFIGURED)).as("none configured").isEmpty();
	}

}
