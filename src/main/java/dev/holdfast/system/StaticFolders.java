package dev.holdfast.system;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The application's static files, each folder under its own path, linked under a hash of
 * their content and kept by browsers for a year, as Boot does for webjars. Not Boot's
 * handler for {@code /**}: with it, every link a page writes through {@code @{...}} was
 * first looked up as a static file on the whole classpath (issue 14, item 5: most of the
 * customer list's rendering).
 */
@Configuration(proxyBeanMethods = false)
class StaticFolders implements WebMvcConfigurer {

	static final List<String> FOLDERS = List.of("css", "js", "images");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)))
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
	}

}
