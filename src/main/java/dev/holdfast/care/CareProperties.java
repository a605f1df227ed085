package dev.holdfast.care;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dueDays within how many days customer service makes a visit it is given
 * @param access how long after the due date the visitor may still see the customer
 * @param rhythm per customer level, how often customer service visits (levels not listed:
 * never); A quarterly when nothing is configured
 * @param coverageDays how long a key customer may go without company contact besides its
 * rep before care coverage lists it
 * @param coverageLevels the levels care coverage looks at
 * @param keyAccounts the key-account team policy
 * @param maxDueDays how far ahead a care visit may be due: a visit lets its visitor see
 * the customer until a while after its due date, so a date far ahead would be lasting
 * access
 */
@ConfigurationProperties("holdfast.care")
record CareProperties(@DefaultValue("3") int dueDays, @DefaultValue("14d") Duration access,
		Map<String, Duration> rhythm, @DefaultValue("90") int coverageDays, @DefaultValue( {
				"A", "B" }) Set<String> coverageLevels,
		@DefaultValue KeyAccounts keyAccounts, @DefaultValue("60") int maxDueDays){

	CareProperties {
		rhythm = rhythm == null || rhythm.isEmpty() ? Map.of("A", Duration.ofDays(90)) : Map.copyOf(rhythm);
	}

	/**
	 * @param levels the levels whose customers need a team
	 * @param minPeople how many people (the owner included) each of them needs
	 */
	record KeyAccounts(@DefaultValue("A") Set<String> levels, @DefaultValue("2") int minPeople) {
	}

}
