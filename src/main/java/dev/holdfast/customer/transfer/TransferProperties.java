package dev.holdfast.customer.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a customer may change hands by edit or transfer: at most {@code maxPerWindow}
 * times within {@code window}, so that ownership games show up.
 */
@ConfigurationProperties("holdfast.customer.transfers")
record TransferProperties(@DefaultValue("2") int maxPerWindow, @DefaultValue("90d") Duration window) {

	/** The window in words, e.g. "90 days". */
	String windowText() {
		return this.window.toSeconds() % 86_400 == 0 ? this.window.toDays() + " days" : this.window.toString();
	}

}
