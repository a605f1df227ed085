package dev.holdfast.provisioning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /scim/v2/Users} as Okta and Entra ID call it, over HTTP with a SCIM token an
 * administrator created: users become employees without roles, are found by userName,
 * change their names and e-mails, and every malformed request gets a SCIM 400.
 */
@HoldfastIntegrationTest
class ScimUsersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	Scim scim;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		Api.Response token = this.api.post(this.data.adminToken(), "/api/v1/scim-tokens", Map.of("name", "Okta"));
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		this.scim = new Scim(this.port, token.text("token"));
	}

	static String oktaUser(String userName, String password) {
		return """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
				 "name":{"givenName":"Na","familyName":"Li"},
				 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"李娜",
				 "locale":"zh-CN","externalId":"00u%s","groups":[],"password":"%s","active":true}""".formatted(userName,
				userName.contains("@") ? userName : userName + "@example.cn", userName.hashCode(), password);
	}

	@Test
	void aCreatedUserIsAnEmployeeWithoutRolesWhoSeesNoCustomerData() {
		String userName = TestData.unique("li.na") + "@example.cn";
		Scim.Reply created = this.scim.send("POST", "/scim/v2/Users", oktaUser(userName, "scim-password-2026"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.contentType()).startsWith("application/scim+json");
		String id = created.text("id");
		assertThat(created.location()).endsWith("/scim/v2/Users/" + id);
		assertThat(created.body().get("meta").get("location").asString()).isEqualTo(created.location());
		assertThat(created.body().get("meta").get("version").asString()).isEqualTo(created.etag()).startsWith("W/");
		assertThat(created.text("externalId")).isEqualTo("00u" + userName.hashCode());
		assertThat(created.text("displayName")).isEqualTo("李娜");
		assertThat(created.body().get("active").asBoolean()).isTrue();

		Api.Response employee = this.api.get(this.data.adminToken(), "/api/v1/employees/" + id);
		assertThat(employee.text("username")).isEqualTo(userName);
		assertThat(employee.text("email")).isEqualTo(userName);
		assertThat(employee.body().get("roles").size()).isZero();

		TestData.Employee rep = this.data.employee("rep", null, null, "SALES");
		long customer = this.api.post(this.data.token(rep), "/api/v1/customers", customer()).id();
		String token = this.api.login(userName, "scim-password-2026");
		Api.Response list = this.api.get(token, "/api/v1/customers");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().get("total").asLong()).isZero();
		assertThat(this.api.get(token, "/api/v1/customers/" + customer).status()).isEqualTo(404);
		assertThat(this.api.post(token, "/api/v1/customers", customer()).status()).isEqualTo(403);
	}

	@Test
	void aTakenUserNameIsAConflict() {
		String userName = TestData.unique("dup");
		assertThat(this.scim.send("POST", "/scim/v2/Users", oktaUser(userName, "x")).status()).isEqualTo(201);

		Scim.Reply again = this.scim.send("POST", "/scim/v2/Users", oktaUser(userName.toUpperCase(), "x"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("scimType")).isEqualTo("uniqueness");
		assertThat(again.body().get("schemas").get(0).asString())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
	}

	@Test
	void usersAreFoundByUserNameAndExternalId() {
		String userName = TestData.unique("wang.fang");
		String id = this.scim.send("POST", "/scim/v2/Users", oktaUser(userName, "x")).text("id");

		Scim.Reply found = this.scim.get("/scim/v2/Users?filter=userName%20eq%20%22" + userName + "%22");
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.body().get("schemas").get(0).asString())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
		assertThat(found.body().get("totalResults").asInt()).isEqualTo(1);
		assertThat(found.body().get("Resources").get(0).get("id").asString()).isEqualTo(id);

		Scim.Reply byExternalId = this.scim
			.get("/scim/v2/Users?filter=externalId+eq+%2200u" + userName.hashCode() + "%22&startIndex=1&count=10");
		assertThat(byExternalId.body().get("Resources").get(0).get("id").asString()).isEqualTo(id);

		Scim.Reply none = this.scim.get("/scim/v2/Users?filter=userName%20eq%20%22nobody-" + userName + "%22");
		assertThat(none.body().get("totalResults").asInt()).isZero();
		assertThat(none.body().get("Resources").size()).isZero();

		Scim.Reply page = this.scim.get("/scim/v2/Users?startIndex=1&count=2");
		assertThat(page.body().get("Resources").size()).isEqualTo(2);
		assertThat(page.body().get("totalResults").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void namesAndEmailsChangeByPatchAndPut() {
		String userName = TestData.unique("zhao.qiang");
		String id = this.scim.send("POST", "/scim/v2/Users", oktaUser(userName, "x")).text("id");

		Scim.Reply entra = this.scim.send("PATCH", "/scim/v2/Users/" + id,
				"""
						{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
						 {"op":"Replace","path":"displayName","value":"赵强"},
						 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"zhao.qiang@example.cn"},
						 {"op":"Add","path":"title","value":"销售"},
						 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"华南区"}]}""");
		assertThat(entra.status()).as(entra.toString()).isEqualTo(200);
		assertThat(entra.text("displayName")).isEqualTo("赵强");
		assertThat(entra.body().get("emails").get(0).get("value").asString()).isEqualTo("zhao.qiang@example.cn");

		Scim.Reply stale = this.scim.send("PATCH", "/scim/v2/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","path":"displayName","value":"旧"}]}""", "W/\"0\"");
		assertError(stale, 412, null);
		assertThat(this.scim.get("/scim/v2/Users/" + id).text("displayName")).isEqualTo("赵强");
		assertThat(this.scim.get("/scim/v2/Users/" + id).etag()).isEqualTo(entra.etag()).isNotEqualTo("W/\"0\"");

		Scim.Reply okta = this.scim.send("PATCH", "/scim/v2/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","value":{"name":{"givenName":"强强","familyName":"赵"}}}]}""");
		assertThat(okta.text("displayName")).isEqualTo("赵强强");

		Scim.Reply put = this.scim.send("PUT", "/scim/v2/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"%s",
				 "name":{"formatted":"赵 强"},"emails":[{"primary":true,"value":"qiang@example.cn"}],"active":true}"""
			.formatted(id, userName));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.text("displayName")).isEqualTo("赵 强");
		assertThat(put.text("externalId")).as("kept when a PUT leaves it out").isEqualTo("00u" + userName.hashCode());
		assertThat(this.api.get(this.data.adminToken(), "/api/v1/employees/" + id).text("email"))
			.isEqualTo("qiang@example.cn");
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'SCIM_USER_UPDATED' and target_id = ?")
					.param(id)
					.query(Long.class)
					.single())
			.isEqualTo(3);
	}

	@Test
	void theManagerComesFromTheEnterpriseExtension() {
		TestData.Employee manager = this.data.employee("mgr", null, null, "SALES_MANAGER");
		Scim.Reply created = this.scim.send("POST", "/scim/v2/Users",
				"""
						{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
						            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
						 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"%s","active":true,
						 "emails":[{"primary":true,"type":"work","value":"chen.jing@example.cn"}],"meta":{"resourceType":"User"},
						 "name":{"formatted":"陈静","familyName":"陈","givenName":"静"},"title":"销售代表",
						 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"华南区",
						   "manager":{"value":"%d"}}}"""
					.formatted(TestData.unique("chen.jing"), manager.id()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.text("id");
		assertThat(managerOf(id)).as("created: " + created).isEqualTo(manager.id());
		String path = "/scim/v2/Users/" + id;
		String op = """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"%s",
				 "path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"%s}]}""";

		assertThat(this.scim.send("PATCH", path, op.formatted("Remove", "")).status()).isEqualTo(200);
		assertThat(managerOf(id)).isNull();
		Scim.Reply added = this.scim.send("PATCH", path, op.formatted("Add", ",\"value\":\"" + manager.id() + "\""));
		assertThat(added.body()
			.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
			.get("manager")
			.get("value")
			.asString()).isEqualTo(String.valueOf(manager.id()));
		assertThat(managerOf(id)).as("added: " + added).isEqualTo(manager.id());
		assertError(this.scim.send("PATCH", path, op.formatted("Add", ",\"value\":\"987654321\"")), 400,
				"invalidValue");
	}

	private Long managerOf(String id) {
		JsonNode managerId = this.api.get(this.data.adminToken(), "/api/v1/employees/" + id).body().get("managerId");
		return managerId.isNull() ? null : managerId.asLong();
	}

	@Test
	void malformedRequestsGetScimErrorsNotServerErrors() {
		String id = this.scim.send("POST", "/scim/v2/Users", oktaUser(TestData.unique("bad"), "x")).text("id");
		String patch = "/scim/v2/Users/" + id;
		String ops = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":%s}";

		assertError(this.scim.send("POST", "/scim/v2/Users", "{\"userName\": "), 400, "invalidSyntax");
		assertError(this.scim.send("POST", "/scim/v2/Users", "{\"displayName\":\"无名\"}"), 400, "invalidValue");
		assertError(this.scim.send("POST", "/scim/v2/Users", "{\"userName\":42}"), 400, "invalidValue");
		assertError(this.scim.send("POST", "/scim/v2/Users", "[]"), 400, "invalidSyntax");
		assertError(this.scim.send("PATCH", patch, ops.formatted("[{\"op\":\"move\",\"path\":\"active\"}]")), 400,
				"invalidSyntax");
		assertError(this.scim.send("PATCH", patch, ops.formatted("[{\"op\":\"remove\"}]")), 400, "noTarget");
		assertError(
				this.scim.send("PATCH", patch,
						ops.formatted("[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]")),
				400, "invalidValue");
		assertError(
				this.scim.send("PATCH", patch, ops.formatted("[{\"op\":\"replace\",\"path\":\"a b\",\"value\":1}]")),
				400, "invalidPath");
		assertError(this.scim.send("PATCH", patch, ops.formatted("[]")), 400, "invalidSyntax");
		assertError(
				this.scim.send("PATCH", patch, "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"),
				400, "invalidSyntax");
		assertError(this.scim.get("/scim/v2/Users?filter=userName%20sw%20%22a%22"), 400, "invalidFilter");
		assertError(this.scim.get("/scim/v2/Users?filter=title%20eq%20%22a%22"), 400, "invalidFilter");
		assertError(this.scim.get("/scim/v2/Users?count=many"), 400, "invalidValue");
		assertError(this.scim.get("/scim/v2/Users/987654321"), 404, null);
		assertError(this.scim.get("/scim/v2/Users/not-a-number"), 404, null);
		assertError(this.scim.send("PUT", "/scim/v2/Users/987654321", oktaUser("ghost", "x")), 404, null);
		assertThat(this.api.get(this.data.adminToken(), "/api/v1/employees/" + id).text("status")).as("nothing changed")
			.isEqualTo("ACTIVE");
	}

	@Test
	void onlyAScimTokenOpensScim() {
		String employeeToken = this.data.adminToken();
		assertError(this.scim.as(null).get("/scim/v2/Users"), 401, null);
		assertError(this.scim.as("not-a-token").get("/scim/v2/Users"), 401, null);
		assertError(this.scim.as(employeeToken).get("/scim/v2/Users"), 401, null);
		assertThat(this.api.get(this.scimToken(), "/api/v1/me").status()).as("a SCIM token on the API").isEqualTo(401);

		Api.Response issued = this.api.post(employeeToken, "/api/v1/scim-tokens", Map.of("name", "Entra ID"));
		Scim entra = this.scim.as(issued.text("token"));
		assertThat(entra.get("/scim/v2/Users?count=1").status()).isEqualTo(200);
		assertThat(this.api.delete(employeeToken, "/api/v1/scim-tokens/" + issued.id()).status()).isEqualTo(204);
		assertError(entra.get("/scim/v2/Users?count=1"), 401, null);

		TestData.Employee rep = this.data.employee("rep", null, null, "SALES");
		assertThat(this.api.post(this.data.token(rep), "/api/v1/scim-tokens", Map.of("name", "x")).status())
			.isEqualTo(403);
		List<?> listed = this.api.get(employeeToken, "/api/v1/scim-tokens").body().values().stream().toList();
		assertThat(listed).isNotEmpty();
		assertThat(this.api.get(employeeToken, "/api/v1/scim-tokens").raw()).doesNotContain(issued.text("token"));
	}

	@Test
	void theServiceProviderDescribesItself() {
		Scim.Reply config = this.scim.get("/scim/v2/ServiceProviderConfig");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.body().get("patch").get("supported").asBoolean()).isTrue();
		assertThat(config.body().get("authenticationSchemes").get(0).get("type").asString())
			.isEqualTo("oauthbearertoken");
		Scim.Reply types = this.scim.get("/scim/v2/ResourceTypes");
		assertThat(types.body().get("Resources").get(0).get("endpoint").asString()).isEqualTo("/Users");
		Scim.Reply schemas = this.scim.get("/scim/v2/Schemas");
		assertThat(schemas.body().get("Resources").get(0).get("id").asString())
			.isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
		assertThat(this.scim.get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").status())
			.isEqualTo(200);
		assertError(this.scim.get("/scim/v2/ResourceTypes/Group"), 404, null);
		assertError(this.scim.get("/scim/v2/Groups?filter=displayName%20eq%20%22Sales%22"), 404, null);
	}

	private String scimToken() {
		return this.api.post(this.data.adminToken(), "/api/v1/scim-tokens", Map.of("name", "probe")).text("token");
	}

	static void assertError(Scim.Reply reply, int status, String scimType) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.contentType()).as(reply.toString()).startsWith("application/scim+json");
		assertThat(reply.body().get("schemas").get(0).asString()).isEqualTo(ScimErrors.ERROR_SCHEMA);
		assertThat(reply.text("status")).isEqualTo(String.valueOf(status));
		assertThat(reply.text("scimType")).as(reply.toString()).isEqualTo(scimType);
	}

	static Map<String, Object> customer() {
		return Map.of("name", TestData.unique("苏州远航机械") + "有限公司", "kind", "COMPANY", "level", "A", "region", "江苏省苏州市",
				"address", "苏州市工业园区星湖街328号");
	}

}
