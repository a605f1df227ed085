package dev.holdfast.shared.web;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's sentence is translated by its own key; one with numbers that has none, by
 * the key of its template with the numbers as arguments; one without a key stays English.
 */
class FormErrorsTests {

	private final StaticMessageSource messages = new StaticMessageSource();

	private final FormErrors errors = new FormErrors(this.messages);

	FormErrorsTests() {
		Locale chinese = Locale.SIMPLIFIED_CHINESE;
		this.messages.addMessage("service.at_most__0__files_at_a_time", chinese, "一次最多 {0} 个文件");
		this.messages.addMessage("service.at_most_5_files_at_a_time", chinese, "一次最多五个文件");
		this.messages.addMessage("service.must_be_between__0__and__1_", chinese, "须在 {0} 到 {1} 之间");
		this.messages.addMessage("error.noticePeriod", chinese, "离职交接期内不允许此操作");
		LocaleContextHolder.setLocale(chinese);
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aSentenceIsTranslatedByItsKeyElseByItsTemplate() {
		assertThat(this.errors.translate("at most 5 files at a time")).isEqualTo("一次最多五个文件");
		assertThat(this.errors.translate("at most 20 files at a time")).isEqualTo("一次最多 20 个文件");
		assertThat(this.errors.translate("must be between 1 and 1000")).isEqualTo("须在 1 到 1000 之间");
		assertThat(this.errors.translate("at most 20 customers")).isEqualTo("at most 20 customers");
		assertThat(this.errors.translate("no key for this")).isEqualTo("no key for this");
	}

	@Test
	void aRefusalWithoutItsOwnTranslationFallsBackToThePagesWords() {
		assertThat(this.errors.translate("export is not allowed while serving notice", "error.noticePeriod"))
			.isEqualTo("离职交接期内不允许此操作");
		assertThat(this.errors.translate("at most 7 files at a time", "error.noticePeriod")).isEqualTo("一次最多 7 个文件");
	}

	@Test
	void theTemplateNumbersItsArgumentsInOrder() {
		assertThat(FormErrors.template("must be between 1 and 500")).isEqualTo("must be between {0} and {1}");
		assertThat(FormErrors.key("must be between {0} and {1}")).isEqualTo("service.must_be_between__0__and__1_");
	}

}
