package dev.holdfast.provisioning;

import org.springframework.security.core.AuthenticatedPrincipal;

import dev.holdfast.shared.EmployeePrincipal;

/**
 * The identity provider behind a SCIM request. It acts in the name of the administrator
 * who created its token (so the audit trail names a person), under the username
 * {@code scim:<token name>} so that its events are told from the administrator's own.
 *
 * @param tokenId the SCIM token's id, or null for the configured token
 */
record ScimClient(long employeeId, String username, Long tokenId) implements EmployeePrincipal, AuthenticatedPrincipal {

	@Override
	public String getName() {
		return this.username;
	}

}
