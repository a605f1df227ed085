package dev.holdfast.protection;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.holdfast.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the reader of a suspect file that leak tracing starts from (issue 13, item 5):
 * any bytes give a set of values or a 400 refusal ({@link InvalidInputException}), in
 * bounded time and allocation. The reader is found by its name anywhere under
 * {@code protection}, so this test outlives a move of protection's classes into
 * sub-packages. Corpus:
 * {@code src/test/resources/dev/holdfast/protection/LeakTraceInputFuzzTestsInputs/values}.
 */
class LeakTraceInputFuzzTests {

	private static final Method VALUES = reader();

	@FuzzTest(maxDuration = "2m")
	void values(byte[] content) {
		// a suspect file is at most a few megabytes; the reader may hold it, not blow it
		// up
		long bound = 512L * 1024 * 1024 + 200L * content.length;
		long allocated = measured(content);
		if (allocated >= bound) {
			// the first use of a class (loaded, and instrumented when fuzzing) is not
			// reading
			allocated = measured(content);
		}
		assertThat(allocated).isLessThan(bound);
	}

	private static long measured(byte[] content) {
		return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
			long before = threads.getCurrentThreadAllocatedBytes();
			try {
				Set<?> values = (Set<?>) VALUES.invoke(null, (Object) content);
				assertThat(values).isNotNull();
			}
			catch (InvocationTargetException ex) {
				if (!(ex.getCause() instanceof InvalidInputException)) {
					throw ex.getCause();
				}
			}
			return threads.getCurrentThreadAllocatedBytes() - before;
		});
	}

	private static Method reader() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:dev/holdfast/protection/**/LeakTraceInput.class");
			assertThat(found).as("protection's leak-trace input reader").hasSize(1);
			String path = found[0].getURL().getPath();
			String name = path
				.substring(path.lastIndexOf("dev/holdfast/protection/"), path.length() - ".class".length())
				.replace('/', '.');
			Method values = Class.forName(name).getDeclaredMethod("values", byte[].class);
			values.setAccessible(true);
			return values;
		}
		catch (ReflectiveOperationException | java.io.IOException ex) {
			throw new IllegalStateException("the leak-trace input reader is not where protection keeps it", ex);
		}
	}

}
