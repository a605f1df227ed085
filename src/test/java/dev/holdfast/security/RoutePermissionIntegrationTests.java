package dev.holdfast.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
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
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
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
