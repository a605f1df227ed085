package dev.holdfast.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The scheduled jobs of every module ({@code @Scheduled}) run in the application, and not
 * in the application a backup or restore command starts for its work
 * ({@code holdfast.scheduling.enabled=false}): that one runs beside the serving instances
 * and must not do their nightly work a second time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "holdfast.scheduling.enabled", matchIfMissing = true)
class Scheduling {

}
