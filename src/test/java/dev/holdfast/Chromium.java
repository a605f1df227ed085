package dev.holdfast;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ReflectionUtils;

/**
 * The one headless Chromium of a test JVM, for the browser tests: started by the first
 * class that names it with {@code @ExtendWith(Chromium.class)}, given to each such class
 * in its {@link Browser} fields, made fresh for each class ({@link Browser#freshFor}: a
 * new tab, no cookies, no stored data) and quit when the JVM's tests are done. Starting
 * Chromium costs seconds of CPU; a fresh tab costs next to nothing.
 */
public final class Chromium implements TestInstancePostProcessor, BeforeAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		Browser browser = browser(context);
		int port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		try {
			browser.freshFor(port);
		}
		catch (RuntimeException ex) {
			// a class before left Chromium unusable (crashed, hung on a dialog): start
			// again
			context.getRoot().getStore(NAMESPACE).remove(Browser.class, Browser.class).close();
			browser = browser(context);
			browser.freshFor(port);
		}
		Browser fresh = browser;
		context.getTestInstance().ifPresent(instance -> inject(instance, fresh));
	}

	@Override
	public void postProcessTestInstance(Object instance, ExtensionContext context) {
		inject(instance, browser(context));
	}

	private static void inject(Object instance, Browser browser) {
		ReflectionUtils.doWithFields(instance.getClass(), field -> {
			ReflectionUtils.makeAccessible(field);
			field.set(instance, browser);
		}, field -> field.getType() == Browser.class);
	}

	/** The JVM's browser, started on first use; the root store closes it at the end. */
	static Browser browser(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Browser.class, type -> new Browser(), Browser.class);
	}

}
