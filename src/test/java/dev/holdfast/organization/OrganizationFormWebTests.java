package dev.holdfast.organization;

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
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.InvalidInputException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue 12, item 7, as a web slice: the organisation's forms have no {@code catch} of
 * their own; the web error advice shows the form again. A department the service refuses
 * comes back with 422, what was typed and the message at its field; a duplicate with 409
 * and the message at the name. Only the controller, the advice and the layout's model
 * run; the service is a mock.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "dev\\.holdfast\\.organization\\.OrganizationController",
						"dev\\.holdfast\\.system\\.(HtmlErrorHandler|FormPages|LayoutAttributes)",
						"dev\\.holdfast\\.shared\\.web\\.FormErrors" }))
@Import(LayoutExpressions.class)
@WithMockUser(authorities = "department.manage")
class OrganizationFormWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrganizationManagement organization;

	@MockitoBean
	Offboarding offboarding;

	@Test
	void refusedInputShowsTheFormAgainWithTheMessageAtItsField() throws Exception {
		given(this.organization.departments()).willReturn(List.of());
		given(this.organization.createDepartment(any()))
			.willThrow(new InvalidInputException("parentId", "no such department"));

		this.mvc
			.perform(post("/admin/departments").param("name", "华东销售部")
				.param("parentId", "404")
				.header("Accept-Language", "en")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("admin/departments"))
			.andExpect(model().attribute("errors", Map.of("parentId", "no such department")))
			.andExpect(model().attribute("form", new DepartmentForm("华东销售部", 404L)))
			.andExpect(content().string(containsString("no such department")))
			.andExpect(content().string(containsString("value=\"华东销售部\"")));
		verify(this.organization).createDepartment(new DepartmentForm("华东销售部", 404L));
	}

	@Test
	void aConflictShowsTheFormAgainWith409AndTheMessageAtTheName() throws Exception {
		given(this.organization.departments()).willReturn(List.of());
		given(this.organization.createDepartment(any()))
			.willThrow(new ConflictException("duplicate", "a department with this name exists"));

		this.mvc.perform(post("/admin/departments").param("name", "华南销售部").header("Accept-Language", "en").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("admin/departments"))
			.andExpect(model().attribute("errors", Map.of("name", "a department with this name exists")))
			.andExpect(content().string(containsString("a department with this name exists")));
	}

	@Test
	void inputTheAnnotationsRefuseNeverReachesTheService() throws Exception {
		given(this.organization.departments()).willReturn(List.of());

		this.mvc.perform(post("/admin/departments").param("name", " ").with(csrf()))
			.andExpect(view().name("admin/departments"))
			.andExpect(model().attributeExists("errors"));
		verify(this.organization, org.mockito.Mockito.never()).createDepartment(any());
	}

	/**
	 * Issue 12, item 7: a value Spring cannot bind (a parent "abc") shows the form again
	 * like a refusal of the service: 422, the message at its field in the reader's
	 * language, the rest as typed; the service never runs.
	 */
	@Test
	void aValueOfTheWrongTypeShowsTheFormAgainAsTypedWithItsMessage() throws Exception {
		given(this.organization.departments()).willReturn(List.of());

		this.mvc
			.perform(post("/admin/departments").param("name", "华东销售部")
				.param("parentId", "abc")
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("admin/departments"))
			.andExpect(model().attribute("errors", Map.of("parentId", "格式不正确")))
			.andExpect(model().attribute("form", new DepartmentForm("华东销售部", null)))
			.andExpect(content().string(containsString("value=\"华东销售部\"")));
		this.mvc.perform(post("/admin/departments").param("name", " ").header("Accept-Language", "en").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("errors", Map.of("name", "must not be empty")));
		verify(this.organization, org.mockito.Mockito.never()).createDepartment(any());
	}

}
