package dev.holdfast.organization;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.holdfast.LayoutExpressions;
import dev.holdfast.offboarding.Offboarding;
import dev.holdfast.shared.AccessDenials;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.PageResult;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Issue 12, item 7, for the employee form, as a web slice: no {@code catch} translates a
 * refusal by hand. The form comes back as typed (the password to be changed at first
 * login), refused input with 422, a taken username with 409 at the username, and a
 * refused role (an act reserved to administrators) with 403 at the roles, recorded like
 * every denial ({@code @FormPage(refusalField)}); an act waiting for a second
 * administrator is no refusal and leads to the request.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "dev\\.holdfast\\.organization\\.EmployeeController",
						"dev\\.holdfast\\.system\\.(HtmlErrorHandler|FormPages|LayoutAttributes)",
						"dev\\.holdfast\\.shared\\.web\\.FormErrors" }))
@Import(LayoutExpressions.class)
@WithMockUser(authorities = "employee.manage")
class EmployeeFormWebTests {

	private static final String PASSWORD = "Chushi-mima-2026";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrganizationManagement organization;

	@MockitoBean
	Offboarding offboarding;

	@MockitoBean
	AccessDenials denials;

	@MockitoBean(name = "employeeChoices")
	EmployeeChoices employeeChoices;

	@Test
	void refusedInputShowsTheFormAsTypedWith422() throws Exception {
		emptyOrganisation();
		given(this.organization.createEmployee(any()))
			.willThrow(new InvalidInputException("departmentId", "no such department"));

		this.mvc.perform(hire("wang.fang", "SALES"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("admin/employee-form"))
			.andExpect(model().attribute("errors", Map.of("departmentId", "no such department")))
			.andExpect(model().attribute("form", typed("wang.fang", "SALES")))
			.andExpect(content().string(containsString("no such department")))
			.andExpect(content().string(containsString("value=\"王芳\"")));
	}

	@Test
	void aTakenUsernameShowsTheMessageAtTheUsernameWith409() throws Exception {
		emptyOrganisation();
		given(this.organization.createEmployee(any()))
			.willThrow(new ConflictException("duplicate", "this username is taken"));

		this.mvc.perform(hire("li.lei", "SALES"))
			.andExpect(status().isConflict())
			.andExpect(model().attribute("errors", Map.of("username", "this username is taken")));
	}

	@Test
	void aRefusedRoleShowsTheFormWith403AtTheRolesAndIsRecorded() throws Exception {
		emptyOrganisation();
		ForbiddenException refusal = new ForbiddenException("only an administrator gives this role");
		given(this.organization.createEmployee(any())).willThrow(refusal);

		this.mvc.perform(hire("zhao.min", "SALES_MANAGER"))
			.andExpect(status().isForbidden())
			.andExpect(view().name("admin/employee-form"))
			.andExpect(model().attribute("errors", Map.of("roles", "only an administrator gives this role")))
			.andExpect(model().attribute("form", typed("zhao.min", "SALES_MANAGER")));
		verify(this.denials).record(refusal, "POST", "/admin/employees");
	}

	@Test
	void anEditRefusedShowsTheEditFormWith403AtTheForm() throws Exception {
		emptyOrganisation();
		given(this.organization.employee(7)).willReturn(employee(7));
		given(this.organization.updateEmployee(eq(7L), any()))
			.willThrow(new ForbiddenException("only an administrator resets this password"));

		this.mvc
			.perform(post("/admin/employees/7").param("displayName", "孙丽")
				.param("roles", "SALES")
				.param("version", "3")
				.header("Accept-Language", "en")
				.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(view().name("admin/employee-form"))
			.andExpect(model().attribute("errors", Map.of("form", "only an administrator resets this password")))
			.andExpect(content().string(containsString("value=\"孙丽\"")));
	}

	@Test
	void anActWaitingForASecondAdministratorLeadsToTheRequest() throws Exception {
		emptyOrganisation();
		given(this.organization.createEmployee(any()))
			.willThrow(new ApprovalPendingException(new ApprovalView(41, "EMPLOYEE_CREATE", null, null, 1, "管理员",
					Instant.now(), "PENDING", null, null, null, null, Map.of(), true)));

		this.mvc.perform(hire("qian.jin", "ADMIN"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/approvals/41"))
			.andExpect(flash().attribute("flash", "approvals.requested"));
		verify(this.denials, never()).record(any(), any(), any());
	}

	private void emptyOrganisation() {
		given(this.organization.employees(any(), any(), any())).willReturn(new PageResult<>(List.of(), 0, 100, 0));
	}

	private static org.springframework.test.web.servlet.RequestBuilder hire(String username, String role) {
		return post("/admin/employees").param("username", username)
			.param("displayName", "王芳")
			.param("password", PASSWORD)
			.param("departmentId", "3")
			.param("roles", role)
			.header("Accept-Language", "en")
			.with(csrf());
	}

	private static EmployeeForm typed(String username, String role) {
		return new EmployeeForm(username, "王芳", PASSWORD, 3L, null, List.of(role), null, null, true);
	}

	private static EmployeeView employee(long id) {
		return new EmployeeView(id, "sun.li", "孙丽", "", "", 3L, null, List.of("SALES"), EmploymentStatus.ACTIVE, 3,
				Instant.now());
	}

}
