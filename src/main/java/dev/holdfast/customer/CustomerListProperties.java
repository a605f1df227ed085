package dev.holdfast.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the customer list counts: a total above {@code exactTotalLimit} is reported as that
 * lower bound ({@code "total":10000,"totalExact":false}, shown as "10,000+"), because
 * counting every visible customer of a million costs more than the page itself. A name
 * search counts up to {@code exactSearchTotalLimit} (at most {@code exactTotalLimit}):
 * its matches are checked row by row after the bigram index, so counting 6,632 of them
 * cost a manager ten times the first page.
 */
@ConfigurationProperties("holdfast.customer")
record CustomerListProperties(@DefaultValue("10000") int exactTotalLimit, @DefaultValue("2000") int searchWalk,
		@DefaultValue("1000") int exactSearchTotalLimit) {

}
