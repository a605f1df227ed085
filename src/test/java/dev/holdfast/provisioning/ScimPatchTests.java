package dev.holdfast.provisioning;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PATCH bodies and filters exactly as Okta and Entra ID send them.
 */
class ScimPatchTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ScimUserState patched(String body) {
		ScimUserState state = new ScimUserState();
		state.userName = "li.na";
		state.active = true;
		ScimPatch.apply(json.readTree(body), state);
		return state;
	}

	@Test
	void oktaAndEntraBothTurnAUserOff() {
		assertThat(patched("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","value":{"active":false}}]}""").active).isFalse();
		assertThat(patched("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""").active).isFalse();
	}

	@Test
	void entraSendsNamePartsAndEmailFilters() {
		ScimUserState state = patched("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"Add","path":"name.givenName","value":"娜"},{"op":"Add","path":"name.familyName","value":"李"},
				 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"li.na@example.cn"},
				 {"op":"Add","path":"phoneNumbers[type eq \\"work\\"].value","value":"13800138000"}]}""");
		assertThat(state.requestedDisplayName()).isEqualTo("李娜");
		assertThat(state.email).isEqualTo("li.na@example.cn");
	}

	@Test
	void theManagerComesFromTheEnterpriseExtension() {
		ScimUserState state = new ScimUserState();
		state.setAll(json.readTree("""
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"chen.jing",
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"华南区",
				   "manager":{"value":"42"}}}"""));
		assertThat(state.managerId()).isEqualTo(42L);
		ScimUserState removed = patched("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove",
				 "path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]}""");
		assertThat(removed.managerSent).isTrue();
		assertThat(removed.managerId()).isNull();
	}

	@Test
	void aLatinNameIsGivenNameFirst() {
		assertThat(ScimValues.fullName("Grace", "Hopper")).isEqualTo("Grace Hopper");
	}

	@Test
	void unknownOperationsAndMissingTargetsAreRefused() {
		assertThatThrownBy(() -> patched("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"copy"}]}"""))
			.isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.scimType()).isEqualTo("invalidSyntax"));
		assertThatThrownBy(() -> patched("""
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove"}]}"""))
			.isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.scimType()).isEqualTo("noTarget"));
	}

	@Test
	void filtersByUserNameWithEscapedQuotes() {
		ScimFilter filter = ScimFilter.parse("userName eq \"a\\\"b\"");
		assertThat(filter.attribute()).isEqualTo("username");
		assertThat(filter.value()).isEqualTo("a\"b");
		assertThat(ScimFilter.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName EQ \"x\"").value())
			.isEqualTo("x");
		assertThatThrownBy(() -> ScimFilter.parse("userName eq \"a\" or userName eq \"b\""))
			.isInstanceOf(ScimException.class);
	}

}
