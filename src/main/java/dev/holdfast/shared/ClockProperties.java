package dev.holdfast.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company's time zone, the one setting for every time a person reads and every day
 * boundary ({@link HoldfastClock}).
 *
 * @param zone an IANA zone id, e.g. {@code Asia/Shanghai}
 */
@ConfigurationProperties("holdfast")
record ClockProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {

}
