package dev.holdfast.offboarding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rotation of key accounts (轮岗).
 *
 * @param maxMonthsALevel no A-level customer should stay with the same rep longer than
 * this many months; 0 (the default) turns the rule off
 * @param check how often the rotation job looks for plans whose date has come
 * @param maxCustomers customers one plan may move
 * @param chunkSize customers rotated per transaction
 */
@ConfigurationProperties("holdfast.rotation")
record RotationProperties(@DefaultValue("0") int maxMonthsALevel, @DefaultValue("60s") Duration check,
		@DefaultValue("1000") int maxCustomers, @DefaultValue("500") int chunkSize) {

	boolean ruleOn() {
		return this.maxMonthsALevel > 0;
	}

}
