package dev.holdfast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job runs once across instances one way (issue 14, item 2): its
 * {@code @Scheduled} method carries ShedLock's {@code @SchedulerLock}, under a name of
 * its own, and docs/jobs.md lists it. A new job that forgets its lock, or its line in the
 * table, fails here.
 */
class JobLockTests {

	private static final JavaClasses MAIN = MainClasses.all();

	@Test
	void everyScheduledMethodCarriesTheJobLock() {
		methods().that()
			.areAnnotatedWith(Scheduled.class)
			.should()
			.beAnnotatedWith(SchedulerLock.class)
			.because("a job runs once across instances through the one job lock (docs/jobs.md)")
			.check(MAIN);
	}

	@Test
	void eachJobHasALockOfItsOwnListedInTheJobsTable() throws IOException {
		List<String> locks = scheduled().stream()
			.filter((method) -> method.isAnnotatedWith(SchedulerLock.class))
			.map((method) -> method.getAnnotationOfType(SchedulerLock.class).name())
			.toList();
		assertThat(locks).as("the jobs of today, and more").hasSizeGreaterThanOrEqualTo(11).doesNotHaveDuplicates();
		String table = Files.readString(Path.of("docs/jobs.md"));
		assertThat(locks).allSatisfy((lock) -> assertThat(table).as("docs/jobs.md").contains("`" + lock + "`"));
	}

	private static List<JavaMethod> scheduled() {
		return MAIN.stream()
			.flatMap((type) -> type.getMethods().stream())
			.filter((method) -> method.isAnnotatedWith(Scheduled.class))
			.toList();
	}

}
