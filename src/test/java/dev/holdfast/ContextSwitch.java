package dev.holdfast;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.util.AopTestUtils;

/**
 * Switches the one shared application context for the tests of one class, instead of
 * starting a context of its own for a setting (two-factor enforced, four-eyes, tight
 * reading limits, a mail server, an S3 bucket): {@link #apply} changes the running
 * context and returns how to undo it. Named with {@code @ExtendWith} on a test class, it
 * holds for the class and is undone after it; on a test method, for that test alone. The
 * JUnit platform runs the tests of one JVM one after the other (the suite enables no
 * parallel execution), so no other test sees the switched setting.
 */
public abstract class ContextSwitch
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContextSwitch.class);

	/** Switches the context; returns what puts it back. */
	protected abstract Runnable apply(ApplicationContext context);

	@Override
	public void beforeAll(ExtensionContext extension) {
		Runnable undo = apply(SpringExtension.getApplicationContext(extension));
		extension.getStore(NAMESPACE).put(getClass(), undo);
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		undo(extension);
	}

	/** On a test method only: on the class, the switch was made before all its tests. */
	@Override
	public void beforeEach(ExtensionContext extension) {
		if (extension.getStore(NAMESPACE).get(getClass(), Runnable.class) == null) {
			beforeAll(extension);
		}
	}

	/** Undoes what {@link #beforeEach} did; the store of the test holds nothing else. */
	@Override
	public void afterEach(ExtensionContext extension) {
		undo(extension);
	}

	private void undo(ExtensionContext extension) {
		Runnable undo = extension.getStore(NAMESPACE).remove(getClass(), Runnable.class);
		if (undo != null) {
			undo.run();
		}
	}

	/**
	 * Replaces a configuration value (a properties record, the file store) by another in
	 * every Holdfast bean that holds it, as if the context had been started with the
	 * other one. Fails when no bean holds it, so that a refactoring cannot silently turn
	 * a test into one of the default setting.
	 * @return what puts the old value back
	 */
	protected static Runnable replace(ApplicationContext context, Object current, Object replacement) {
		List<Runnable> undo = new ArrayList<>();
		var beans = ((ConfigurableApplicationContext) context).getBeanFactory();
		for (String name : beans.getSingletonNames()) {
			Object bean = target(beans.getSingleton(name));
			if (bean != null && bean != current && holdfast(bean.getClass())
					&& !bean.getClass().isAnnotationPresent(ConfigurationProperties.class)) {
				replaceIn(bean, current, replacement, undo);
			}
		}
		if (undo.isEmpty()) {
			throw new IllegalStateException("no bean holds " + current);
		}
		return () -> undo.forEach(Runnable::run);
	}

	private static void replaceIn(Object bean, Object current, Object replacement, List<Runnable> undo) {
		for (Class<?> type = bean.getClass(); holdfast(type); type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
					continue;
				}
				field.setAccessible(true);
				try {
					if (field.get(bean) == current) {
						if (type.isRecord()) {
							throw new IllegalStateException(
									type.getName() + " is a record: its " + field.getName() + " cannot be switched");
						}
						field.set(bean, replacement);
						undo.add(() -> set(field, bean, current));
					}
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	private static void set(Field field, Object bean, Object value) {
		try {
			field.set(bean, value);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean holdfast(Class<?> type) {
		return type != null && type.getName().startsWith("dev.holdfast.");
	}

	/** The object behind a proxy; null for a request- or session-scoped one. */
	private static Object target(Object bean) {
		if (bean == null || !AopUtils.isAopProxy(bean)) {
			return bean;
		}
		try {
			return AopTestUtils.getUltimateTargetObject(bean);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
