package dev.holdfast.risk;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much an indicator's score weighs, and how much one change of a contact's phone or
 * e-mail counts by the level of its customer: pointing a key customer's contacts at other
 * numbers matters more than a small customer's.
 *
 * @param indicators a multiplier of each indicator's score, by indicator (overrides
 * {@link Indicator#weight()}, which is 1 for most)
 * @param contactLevels what one phone or e-mail change counts at a customer of each level
 * (default A 3, B 2, any other 1)
 */
@ConfigurationProperties("holdfast.risk.weights")
record RiskWeights(@DefaultValue Map<String, Double> indicators, @DefaultValue Map<String, Double> contactLevels) {

	private static final Map<String, Double> CONTACT_LEVELS = Map.of("A", 3.0, "B", 2.0);

	static RiskWeights defaults() {
		return new RiskWeights(Map.of(), Map.of());
	}

	double of(Indicator indicator) {
		Double configured = this.indicators.get(indicator.name());
		return configured != null ? configured : indicator.weight();
	}

	/**
	 * The weight of a contact change per level, the defaults overridden by the configured
	 * ones; a level not named counts 1.
	 */
	Map<String, Double> contactWeights() {
		Map<String, Double> levels = new TreeMap<>(CONTACT_LEVELS);
		levels.putAll(this.contactLevels);
		return levels;
	}

}
