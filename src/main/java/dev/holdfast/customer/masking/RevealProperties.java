package dev.holdfast.customer.masking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many contact values an employee may reveal per day, unless one of their roles sets
 * its own quota ({@code role_reveal_quota}); the day is the company's, in
 * {@code holdfast.zone}.
 */
@ConfigurationProperties("holdfast.protection.reveal")
record RevealProperties(@DefaultValue("30") int dailyQuota) {
}
