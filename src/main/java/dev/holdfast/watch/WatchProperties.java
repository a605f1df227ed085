package dev.holdfast.watch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The post-departure watch's settings ({@code holdfast.watch.*}).
 *
 * @param defaultTermMonths the watch's term after the last working day when the former
 * employee accepted no agreement with a post-departure term (24)
 * @param lookbackMonths the customers watched are those owned in this many months before
 * the last working day (12)
 * @param clusterCustomers this many former customers with a signal within
 * {@code clusterDays} raise a risk alert (3)
 * @param clusterDays the window of a cluster (30)
 * @param lowSatisfaction a care visit scored at most this (of 5) is a signal (2)
 * @param leaverDomains the e-mail domains known to belong to leavers (a competitor they
 * joined, their own company, a private mail host they used with customers): a contact of
 * a watched customer whose e-mail moves to one of them is a signal; empty by default
 * @param check how often the job evaluates the watches (1h)
 */
@ConfigurationProperties("holdfast.watch")
public record WatchProperties(Integer defaultTermMonths, Integer lookbackMonths, Integer clusterCustomers,
		Integer clusterDays, Integer lowSatisfaction, List<String> leaverDomains, Duration check) {

	public WatchProperties {
		defaultTermMonths = defaultTermMonths == null ? 24 : defaultTermMonths;
		lookbackMonths = lookbackMonths == null ? 12 : lookbackMonths;
		clusterCustomers = clusterCustomers == null ? 3 : clusterCustomers;
		clusterDays = clusterDays == null ? 30 : clusterDays;
		lowSatisfaction = lowSatisfaction == null ? 2 : lowSatisfaction;
		leaverDomains = leaverDomains == null ? List.of()
				: leaverDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
		check = check == null ? Duration.ofHours(1) : check;
	}

}
