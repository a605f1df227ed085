package dev.holdfast.care;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dueDays within how many days customer service contacts a handed-over key
 * customer
 * @param access how long after the due date the visitor may still see the customer
 * @param zone the company's time zone, for "today"
 */
@ConfigurationProperties("holdfast.care")
record CareProperties(@DefaultValue("3") int dueDays, @DefaultValue("14d") Duration access,
		@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
