package dev.holdfast.backup.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup schedule in words, in English and Chinese. */
class CronWordsTests {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void dailyAndWeeklyInWordsAnythingElseLabelled() {
		assertThat(describe("0 0 3 * * *", Locale.ENGLISH)).isEqualTo("daily at 03:00");
		assertThat(describe("0 0 3 * * *", CHINESE)).isEqualTo("每天 03:00");
		assertThat(describe("0 30 2 ? * *", CHINESE)).isEqualTo("每天 02:30");
		assertThat(describe("0 30 2 * * SUN", Locale.ENGLISH)).isEqualTo("weekly on Sunday at 02:30");
		assertThat(describe("0 30 2 * * 1", CHINESE)).isEqualTo("每星期一 02:30");
		assertThat(describe("0 30 2 * * 0", CHINESE)).isEqualTo("每星期日 02:30");
		for (String other : new String[] { "0 0 3 * * MON-FRI", "0 0 */6 * * *", "30 0 3 * * *", "0 0 3 1 * *",
				"@daily" }) {
			assertThat(describe(other, Locale.ENGLISH)).as(other).isEqualTo("by the cron expression");
			assertThat(describe(other, CHINESE)).as(other).isEqualTo("按 cron 表达式");
		}
	}

	private String describe(String cron, Locale locale) {
		return CronWords.describe(cron, this.messages, locale);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/backup");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
