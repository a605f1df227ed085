import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep.Tag;

/**
 * Where Holdfast's start-up time goes (bench/startup.sh trace): starts the application of the extracted jar on its
 * class path with Boot's BufferingApplicationStartup, then prints the steps of the start (refresh phases, the beans
 * that took longest on their own, without the beans they created) and exits. No product code is changed for it.
 *
 * java -cp <extracted>/holdfast.jar bench/startup/StartupTrace.java [application arguments]
 */
public class StartupTrace {

	public static void main(String[] args) throws Exception {
		long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
		long mainAt = System.currentTimeMillis();
		Class<?> application = Class.forName("dev.holdfast.HoldfastApplication");
		SpringApplication app = new SpringApplication(application);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		app.setApplicationStartup(startup);
		ConfigurableApplicationContext context = app.run(args);
		long readyAt = System.currentTimeMillis();
		List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
		Map<Long, Long> childTime = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childTime.merge(parent, event.getDuration().toMillis(), Long::sum);
			}
		}
		System.out.printf("%n== start-up trace: JVM start to main %d ms, main to started %d ms%n", mainAt - jvmStart,
				readyAt - mainAt);
		System.out.println("-- steps other than bean instantiation (ms, total)");
		Map<String, long[]> byName = new HashMap<>();
		for (TimelineEvent event : events) {
			String name = event.getStartupStep().getName();
			if (!name.equals("spring.beans.instantiate")) {
				long[] sum = byName.computeIfAbsent(name, (n) -> new long[2]);
				sum[0] += event.getDuration().toMillis();
				sum[1]++;
			}
		}
		byName.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
			.limit(20)
			.forEach((e) -> System.out.printf("%8d  %-60s x%d%n", e.getValue()[0], e.getKey(), e.getValue()[1]));
		List<long[]> beans = new ArrayList<>();
		List<String> names = new ArrayList<>();
		long beanSelfTotal = 0;
		for (TimelineEvent event : events) {
			if (event.getStartupStep().getName().equals("spring.beans.instantiate")) {
				long total = event.getDuration().toMillis();
				long self = total - childTime.getOrDefault(event.getStartupStep().getId(), 0L);
				beanSelfTotal += self;
				beans.add(new long[] { self, total, names.size() });
				names.add(beanName(event));
			}
		}
		System.out.printf("-- %d beans instantiated, %d ms on their own; the 30 longest (ms: own, with what they "
				+ "created)%n", beans.size(), beanSelfTotal);
		beans.stream()
			.sorted(Comparator.comparingLong((long[] b) -> b[0]).reversed())
			.limit(30)
			.forEach((b) -> System.out.printf("%8d %8d  %s%n", b[0], b[1], names.get((int) b[2])));
		context.close();
		System.exit(0);
	}

	private static String beanName(TimelineEvent event) {
		for (Tag tag : event.getStartupStep().getTags()) {
			if (tag.getKey().equals("beanName")) {
				return tag.getValue();
			}
		}
		return "?";
	}

}
