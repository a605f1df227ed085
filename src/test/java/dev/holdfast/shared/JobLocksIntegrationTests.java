package dev.holdfast.shared;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

import dev.holdfast.HoldfastIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every job's lock as the running application reads it: the placeholders and expressions
 * of its durations resolve, it is held at least as long as at most is not exceeded, and
 * for at least a moment, so that a second instance waking just after the first finished
 * does not run the job again.
 */
@HoldfastIntegrationTest
class JobLocksIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ExtendedLockConfigurationExtractor locks;

	@Test
	void everyJobsLockResolvesInTheRunningApplication() {
		List<LockConfiguration> found = new ArrayList<>();
		for (String name : this.context.getBeanDefinitionNames()) {
			Class<?> type = this.context.getType(name);
			if (type == null || !type.getPackageName().startsWith("dev.holdfast")) {
				continue;
			}
			Object bean = this.context.getBean(name);
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(AopUtils.getTargetClass(bean))) {
				if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
					found.add(this.locks.getLockConfiguration(bean, method, new Object[0]).orElseThrow());
				}
			}
		}
		assertThat(found).hasSizeGreaterThanOrEqualTo(11).allSatisfy((lock) -> {
			assertThat(lock.getLockAtLeastFor()).as(lock.getName()).isPositive();
			assertThat(lock.getLockAtMostFor()).as(lock.getName()).isGreaterThan(lock.getLockAtLeastFor());
		});
		assertThat(found).filteredOn((lock) -> lock.getName().equals("risk-evaluation"))
			.singleElement()
			.as("nine tenths of the test's interval of 24 hours")
			.extracting(LockConfiguration::getLockAtLeastFor)
			.isEqualTo(Duration.ofHours(24).multipliedBy(9).dividedBy(10));
		assertThat(found).filteredOn((lock) -> lock.getName().equals("export-expiry"))
			.singleElement()
			.as("the default period of holdfast.protection.export.expiry-check, and nine tenths of it")
			.satisfies((lock) -> assertThat(lock.getLockAtMostFor()).isEqualTo(Duration.ofMinutes(10)))
			.satisfies((lock) -> assertThat(lock.getLockAtLeastFor()).isEqualTo(Duration.ofMinutes(9)));
	}

}
