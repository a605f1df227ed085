package dev.holdfast.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.PublicRoute;
import dev.holdfast.shared.RequiresPermission;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 5: every route of Holdfast declares who may call it, on its handler
 * method or its controller: {@link RequiresPermission} (checked by method security before
 * the handler), {@link AnyEmployee} (the route asks no permission; the service decides)
 * or {@link PublicRoute} with a reason. A new route that declares none fails here, so
 * nobody has to remember a check in the handler's body.
 */
@HoldfastIntegrationTest
class RoutePermissionIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	/** Path prefixes whose every route needs a permission (see the test below). */
	private static final List<String> PERMISSION_AREAS = List.of("/api/v1/audit-events", "/audit", "/api/v1/admin",
			"/api/v1/scim-tokens", "/api/v1/login-lockouts", "/admin/login-lockouts", "/admin/backups",
			"/api/v1/leak-trace", "/api/v1/canary-hits", "/api/v1/pools", "/admin/pools", "/api/v1/departments",
			"/admin/departments", "/api/v1/roles", "/admin/roles", "/api/v1/dashboard", "/dashboard",
			"/api/v1/agreements", "/admin/follow-up-templates", "/admin/agreements", "/admin/approvals",
			// issue 13: imports
			"/api/v1/imports",
			// issue 15: the company's departure checklist
			"/admin/offboarding-checklist", "/api/v1/offboarding/checklist-items");

	@Test
	void everyRouteDeclaresAPermissionOrIsDeclaredOpen() {
		Set<String> undeclared = new TreeSet<>();
		int walked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> route : this.mappings.getHandlerMethods().entrySet()) {
			if (!ours(route.getValue())) {
				continue;
			}
			walked++;
			if (declaration(route.getValue().getMethod(), route.getValue().getBeanType()) == null) {
				undeclared.add(route.getKey() + " -> " + route.getValue().getShortLogMessage());
			}
		}
		assertThat(walked).as("the route table was walked").isGreaterThan(250);
		assertThat(undeclared).as("routes that declare neither a permission nor that they are open").isEmpty();
	}

	/** A declared permission is enforced only if method security wraps the controller. */
	@Test
	void everyControllerThatDeclaresAPermissionIsGuardedByMethodSecurity() {
		Set<String> unguarded = new TreeSet<>();
		Set<String> guarded = new TreeSet<>();
		for (HandlerMethod handler : this.mappings.getHandlerMethods().values()) {
			if (ours(handler) && DeclaredPermissions.required(handler.getMethod(), handler.getBeanType()) != null) {
				Object bean = handler.getBean() instanceof String name ? this.context.getBean(name) : handler.getBean();
				(AopUtils.isAopProxy(bean) ? guarded : unguarded).add(handler.getBeanType().getSimpleName());
			}
		}
		assertThat(guarded).contains("EmployeeController", "OrganizationApi", "PoolAdminController",
				"FollowUpTemplateController", "ResignationController");
		assertThat(unguarded).isEmpty();
	}

	/**
	 * A declared permission refuses as the call in the handler's body did: the API's JSON
	 * 403 with the missing permission as its reason, the page's 403, and nothing done.
	 */
	@Test
	void aDeclaredPermissionRefusesAsBefore() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		TestData.Employee rep = data.employee("declared", null, null, "SALES");
		Api.Response refused = api.get(data.token(rep), "/api/v1/employees");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("error")).isEqualTo("forbidden");
		assertThat(refused.text("reason")).isEqualTo("missing permission employee.manage");
	}

	/**
	 * Where a whole area exists for one permission (the audit trail, the administrators'
	 * API, SCIM tokens, login lock-outs, leak tracing, pools, departments and roles, the
	 * managers' dashboard, agreements), every route in it declares a permission: none is
	 * left to "any employee" with the check only in the service. Not here: risk (managers
	 * read their reports' risk by scope, without {@code risk.read}), and the
	 * {@code /admin} pages that still declare "any employee" while they are being
	 * converted.
	 */
	@Test
	void everyRouteOfAPermissionsAreaDeclaresThePermission() {
		Set<String> found = new TreeSet<>();
		Set<String> undeclared = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> route : this.mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = route.getValue();
			for (String pattern : route.getKey().getPatternValues()) {
				for (String area : PERMISSION_AREAS) {
					if (ours(handler) && (pattern.equals(area) || pattern.startsWith(area + "/"))) {
						found.add(area);
						if (DeclaredPermissions.required(handler.getMethod(), handler.getBeanType()) == null) {
							undeclared.add(route.getKey() + " -> " + handler.getShortLogMessage());
						}
					}
				}
			}
		}
		assertThat(found).as("every area has routes").containsExactlyInAnyOrderElementsOf(PERMISSION_AREAS);
		assertThat(undeclared).as("routes of a permission's area without a declared permission").isEmpty();
	}

	/**
	 * Routes of those areas, each with the permission it declares and its refusal to a
	 * sales rep: the JSON 403 naming the missing permission (for one of several, the last
	 * one), audited as a refused request; the pages answer the 403 page.
	 */
	@Test
	void aCallerWithoutTheDeclaredPermissionIsRefusedAndTheRefusalAudited() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		TestData.Employee rep = data.employee("undeclared", null, null, "SALES");
		String token = data.token(rep);
		Map<String, Permission> routes = new LinkedHashMap<>();
		routes.put("/api/v1/audit-events", Permission.AUDIT_READ);
		routes.put("/api/v1/audit-events/verify", Permission.AUDIT_READ);
		routes.put("/api/v1/admin/approvals", Permission.ROLE_MANAGE);
		routes.put("/api/v1/admin/keys", Permission.ROLE_MANAGE);
		routes.put("/api/v1/admin/backups", Permission.ROLE_MANAGE);
		routes.put("/api/v1/scim-tokens", Permission.ROLE_MANAGE);
		routes.put("/api/v1/login-lockouts", Permission.LOGIN_UNLOCK);
		routes.put("/api/v1/pools", Permission.POOL_MANAGE);
		routes.put("/api/v1/agreements", Permission.EMPLOYEE_MANAGE);
		for (Map.Entry<String, Permission> route : routes.entrySet()) {
			assertThat(declaredOn(RequestMethod.GET, route.getKey())).as(route.getKey()).contains(route.getValue());
			Api.Response refused = api.get(token, route.getKey());
			assertThat(refused.status()).as(route.getKey()).isEqualTo(403);
			assertThat(refused.text("reason")).as(route.getKey())
				.isEqualTo("missing permission " + route.getValue().code());
		}
		assertThat(declaredOn(RequestMethod.POST, "/api/v1/leak-trace")).contains(Permission.LEAK_TRACE);
		assertThat(api.post(token, "/api/v1/leak-trace", Map.of("text", "13800138000")).text("reason"))
			.isEqualTo("missing permission leak.trace");
		Api.Response audited = api.get(data.adminToken(),
				"/api/v1/audit-events?action=ACCESS_DENIED&size=100&actorId=" + rep.id());
		List<String> requests = new ArrayList<>();
		audited.body().get("items").forEach(event -> requests.add(event.get("details").asString()));
		for (String path : routes.keySet()) {
			assertThat(requests).as("the refusal of " + path + " is audited")
				.anySatisfy(details -> assertThat(details).contains("\"GET " + path + "\""));
		}
		WebSession web = new WebSession(this.port);
		web.logIn(rep.username(), TestData.PASSWORD);
		// the bulk transfer's choice of new owner, loaded when the form opens: it lists
		// employees
		assertThat(declaredOn(RequestMethod.GET, "/customers/transfer/candidates"))
			.contains(Permission.CUSTOMER_TRANSFER);
		for (String page : List.of("/audit", "/audit/verify", "/admin/login-lockouts", "/admin/backups", "/dashboard",
				"/customers/transfer/candidates")) {
			assertThat(web.get(page).statusCode()).as(page).isEqualTo(403);
		}
	}

	/** The permissions the handlers of a route declare, needed or one of them. */
	private Set<Permission> declaredOn(RequestMethod method, String path) {
		Set<Permission> declared = new TreeSet<>();
		int handlers = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> route : this.mappings.getHandlerMethods().entrySet()) {
			if (route.getKey().getPatternValues().contains(path)
					&& route.getKey().getMethodsCondition().getMethods().contains(method)) {
				handlers++;
				HandlerMethod handler = route.getValue();
				RequiresPermission required = DeclaredPermissions.required(handler.getMethod(), handler.getBeanType());
				assertThat(required).as(method + " " + path + " declares a permission").isNotNull();
				declared.addAll(List.of(required.value()));
				declared.addAll(List.of(required.anyOf()));
			}
		}
		assertThat(handlers).as(method + " " + path + " is a route").isPositive();
		return declared;
	}

	/**
	 * The test's own rule, shown on handlers made for it: one without a declaration is
	 * caught, a declaration on the method or on its controller counts, and a method's own
	 * declaration replaces its controller's permissions.
	 */
	@Test
	void aRouteWithoutADeclarationIsCaught() throws NoSuchMethodException {
		assertThat(declaration(Undeclared.class.getDeclaredMethod("page"), Undeclared.class)).isNull();
		assertThat(declaration(Undeclared.class.getDeclaredMethod("declared"), Undeclared.class))
			.isEqualTo("any employee");
		Method save = Declared.class.getDeclaredMethod("save");
		Method open = Declared.class.getDeclaredMethod("open");
		assertThat(declaration(save, Declared.class)).isEqualTo("permission");
		assertThat(DeclaredPermissions.required(save, Declared.class).value()).containsExactly(Permission.POOL_MANAGE);
		assertThat(declaration(open, Declared.class)).isEqualTo("public");
		assertThat(DeclaredPermissions.required(open, Declared.class)).as("the method's own declaration wins").isNull();
	}

	/**
	 * The application's own controllers, not Spring Boot's error page or the API docs.
	 */
	private static boolean ours(HandlerMethod handler) {
		return handler.getBeanType().getPackageName().startsWith("dev.holdfast");
	}

	/** What a handler declares, or null for nothing. */
	static String declaration(Method method, Class<?> controller) {
		String own = declared(method);
		return own != null ? own : declared(controller);
	}

	private static String declared(java.lang.reflect.AnnotatedElement element) {
		List<String> found = new ArrayList<>();
		if (AnnotatedElementUtils.hasAnnotation(element, RequiresPermission.class)) {
			found.add("permission");
		}
		if (AnnotatedElementUtils.hasAnnotation(element, AnyEmployee.class)) {
			found.add("any employee");
		}
		if (AnnotatedElementUtils.hasAnnotation(element, PublicRoute.class)) {
			found.add("public");
		}
		assertThat(found).as("one declaration on " + element).hasSizeLessThanOrEqualTo(1);
		return found.isEmpty() ? null : found.get(0);
	}

	static class Undeclared {

		@GetMapping("/forgotten")
		String page() {
			return "forgotten";
		}

		@GetMapping("/remembered")
		@AnyEmployee
		String declared() {
			return "remembered";
		}

	}

	@RequiresPermission(Permission.POOL_MANAGE)
	static class Declared {

		@PostMapping("/pools")
		String save() {
			return "saved";
		}

		@GetMapping("/status")
		@PublicRoute("a probe")
		String open() {
			return "up";
		}

	}

}
