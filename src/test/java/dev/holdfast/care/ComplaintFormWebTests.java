package dev.holdfast.care;

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
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, item 7, as a web slice: a form that goes back with the reason as a flash
 * message has no {@code catch} either. The web error advice runs the controller's page
 * method with the refusal, the request parameter it names ({@code back}) and the flash
 * attributes; the refusals the form does not name keep their error page.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "dev\\.holdfast\\.care\\.ComplaintController",
						"dev\\.holdfast\\.system\\.(HtmlErrorHandler|FormPages|LayoutAttributes)",
						"dev\\.holdfast\\.shared\\.web\\.FormErrors" }))
@Import(LayoutExpressions.class)
@WithMockUser(authorities = "care.record")
class ComplaintFormWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Complaints complaints;

	@MockitoBean
	OrganizationManagement organization;

	@MockitoBean
	Offboarding offboarding;

	@Test
	void aConflictGoesBackToTheCustomerWithTheReason() throws Exception {
		willThrow(new ConflictException("invalid_transition", "the complaint is already closed")).given(this.complaints)
			.transition(anyLong(), any());

		this.mvc
			.perform(post("/complaints/7/transitions").param("to", "RESOLVED")
				.param("back", "/customers/42")
				.header("Accept-Language", "en")
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/customers/42#care"))
			.andExpect(flash().attribute("flashError", "the complaint is already closed"))
			.andExpect(flash().attributeCount(1));
	}

	@Test
	void aMissingTargetIsRefusedBeforeTheServiceAndGoesBackToTheList() throws Exception {
		this.mvc
			.perform(post("/complaints/7/transitions").param("back", "https://example.com/customers/42")
				.header("Accept-Language", "en")
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/complaints"))
			.andExpect(flash().attribute("flashError", "choose what the complaint becomes"));
		org.mockito.Mockito.verify(this.complaints, org.mockito.Mockito.never()).transition(anyLong(), any());
	}

	@Test
	void aRefusalTheFormNamesAsForbiddenGoesBackInsteadOfThe403Page() throws Exception {
		willThrow(new ForbiddenException("only customer service closes a complaint")).given(this.complaints)
			.transition(anyLong(), any());

		this.mvc.perform(
				post("/complaints/7/transitions").param("to", "CLOSED").header("Accept-Language", "en").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/complaints"))
			.andExpect(flash().attribute("flashError", "only customer service closes a complaint"));
	}

	@Test
	void aRefusalTheFormDoesNotNameKeepsItsErrorPage() throws Exception {
		willThrow(new InvalidInputException("note", "is too long")).given(this.complaints).transition(anyLong(), any());

		this.mvc.perform(
				post("/complaints/7/transitions").param("to", "CLOSED").header("Accept-Language", "en").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(flash().attributeCount(0));
	}

	/**
	 * Issue 12, item 7: an unknown status is the same mistake as none: back with the
	 * reason in the reader's language, never Spring's 400 answer; the service never runs.
	 */
	@Test
	void anUnknownOrMissingStatusGoesBackWithTheReasonInTheReadersLanguage() throws Exception {
		this.mvc
			.perform(post("/complaints/7/transitions").param("to", "BOGUS")
				.param("back", "/customers/42")
				.header("Accept-Language", "zh-CN")
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/customers/42#care"))
			.andExpect(flash().attribute("flashError", "请选择投诉的新状态"));
		this.mvc
			.perform(
					post("/complaints/7/transitions").param("to", "BOGUS").header("Accept-Language", "en").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashError", "choose what the complaint becomes"));
		this.mvc.perform(post("/complaints/7/transitions").header("Accept-Language", "zh-CN").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashError", "请选择投诉的新状态"));
		org.mockito.Mockito.verify(this.complaints, org.mockito.Mockito.never()).transition(anyLong(), any());
	}

}
