package dev.holdfast.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.Permission;

/**
 * Turns a SCIM bearer token into the caller of a SCIM request. The caller gets only the
 * permissions provisioning needs, and only those the administrator behind the token holds
 * now: a token whose administrator left or lost {@code role.manage} stops working at
 * once. An API token of an employee is never accepted here, nor a SCIM token on the API.
 */
@Component
class ScimCallers {

	/** The authority every SCIM request must carry. */
	static final String SCIM = "SCIM_CLIENT";

	private static final List<Permission> NEEDED = List.of(Permission.EMPLOYEE_MANAGE, Permission.ROLE_MANAGE,
			Permission.OFFBOARDING_EXECUTE);

	private static final int MIN_CONFIGURED_LENGTH = 32;

	private final ScimTokens tokens;

	private final OrganizationManagement organization;

	private final ScimProperties properties;

	ScimCallers(ScimTokens tokens, OrganizationManagement organization, ScimProperties properties) {
		this.tokens = tokens;
		this.organization = organization;
		this.properties = properties;
	}

	Optional<Authentication> authenticate(String token) {
		if (configured(token)) {
			return this.organization.loginAccount(this.properties.actingUsername())
				.flatMap(account -> caller(account, "configured", null));
		}
		return this.tokens.use(token)
			.flatMap(use -> this.organization.loginAccount(use.createdBy())
				.flatMap(account -> caller(account, use.name(), use.id())));
	}

	private boolean configured(String token) {
		String expected = this.properties.token();
		return expected != null && expected.length() >= MIN_CONFIGURED_LENGTH && MessageDigest
			.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
	}

	private static Optional<Authentication> caller(LoginAccount account, String name, Long tokenId) {
		if (!account.mayLogIn() || !account.permissions().contains(Permission.ROLE_MANAGE.code())) {
			return Optional.empty();
		}
		List<String> authorities = new ArrayList<>();
		authorities.add(SCIM);
		NEEDED.stream().map(Permission::code).filter(account.permissions()::contains).forEach(authorities::add);
		ScimClient client = new ScimClient(account.id(), "scim:" + name, tokenId);
		return Optional.of(UsernamePasswordAuthenticationToken.authenticated(client, null,
				AuthorityUtils.createAuthorityList(authorities)));
	}

}
