package dev.holdfast.shared;

import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The scheduled jobs of every module ({@code @Scheduled}) run in the application, and not
 * in the application a backup or restore command starts for its work
 * ({@code holdfast.scheduling.enabled=false}): that one runs beside the serving instances
 * and must not do their nightly work a second time.
 * <p>
 * Every job runs once across instances the same way: its method carries ShedLock's
 * {@code @SchedulerLock}, held in the {@code shedlock} table ({@link JobLocks});
 * {@code JobLockTests} fails for a job without one. The lock is taken before a job's
 * transaction begins and given back after it ends (the highest precedence among the
 * method's advice). docs/jobs.md lists the jobs and their locks.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT1H", order = Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty(name = "holdfast.scheduling.enabled", matchIfMissing = true)
class Scheduling {

}
