package dev.holdfast.system;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the web UI: Chinese unless the user picked English with
 * {@code ?lang=en}; the choice is kept in a cookie. The layout's model, and the answers
 * htmx gets.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final LayoutAttributes layout;

	WebConfiguration(LayoutAttributes layout) {
		this.layout = layout;
	}

	static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("holdfast-lang");
		resolver.setDefaultLocale(DEFAULT_LOCALE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	/**
	 * Ahead of Spring Security, so that its redirects and refusals are rewritten for htmx
	 * as well as the controllers' own.
	 */
	@Bean
	FilterRegistrationBean<HtmxResponseFilter> htmxResponseFilter() {
		FilterRegistrationBean<HtmxResponseFilter> registration = new FilterRegistrationBean<>(
				new HtmxResponseFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SupportedLanguages());
		registry.addInterceptor(this.layout).excludePathPatterns("/api/**");
	}

	/** Accepts only the languages we have messages for, so a cookie never holds junk. */
	static final class SupportedLanguages extends LocaleChangeInterceptor {

		SupportedLanguages() {
			setParamName("lang");
			setIgnoreInvalidLocale(true);
		}

		@Override
		protected Locale parseLocaleValue(String value) {
			return switch (value) {
				case "zh_CN", "zh-CN", "zh" -> Locale.SIMPLIFIED_CHINESE;
				case "en" -> Locale.ENGLISH;
				default -> throw new IllegalArgumentException("unsupported language " + value);
			};
		}

	}

}
