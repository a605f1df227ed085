package dev.holdfast.knowhow;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the know-how library.
 *
 * @param zone the company's zone: a date range of follow-ups means its days
 * @param maxSteps the most follow-ups one published sequence may hold
 */
@ConfigurationProperties("holdfast.knowhow")
record KnowHowProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("50") int maxSteps) {
}
