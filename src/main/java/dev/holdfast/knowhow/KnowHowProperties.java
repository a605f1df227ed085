package dev.holdfast.knowhow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the know-how library.
 *
 * @param maxSteps the most follow-ups one published sequence may hold
 */
@ConfigurationProperties("holdfast.knowhow")
record KnowHowProperties(@DefaultValue("50") int maxSteps) {
}
