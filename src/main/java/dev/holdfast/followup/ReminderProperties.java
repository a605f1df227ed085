package dev.holdfast.followup;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders of follow-ups that are due.
 *
 * @param digestAt from when in the morning the daily digest goes out
 * @param summaryDay the day managers get the weekly summary of their team
 * @param check how often every instance looks whether a digest is due
 * @param maxRows the longest list a reminder page or digest shows
 */
@ConfigurationProperties("holdfast.followup.reminders")
record ReminderProperties(@DefaultValue("07:00") LocalTime digestAt, @DefaultValue("MONDAY") DayOfWeek summaryDay,
		@DefaultValue("5m") java.time.Duration check, @DefaultValue("200") int maxRows) {
}
