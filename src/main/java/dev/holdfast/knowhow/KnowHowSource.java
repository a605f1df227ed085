package dev.holdfast.knowhow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.DeidentifiableCustomers;
import dev.holdfast.followup.FollowUpQueries;

/**
 * Reads what a publication is made from: the customer and what would identify it (asked
 * of customer's {@link DeidentifiableCustomers}, which decrypts it, only to find and
 * remove it in the texts), and the chosen follow-ups in the order they happened.
 */
@Component
class KnowHowSource {

	private final FollowUpQueries followUps;

	private final DeidentifiableCustomers customers;

	KnowHowSource(FollowUpQueries followUps, DeidentifiableCustomers customers) {
		this.followUps = followUps;
		this.customers = customers;
	}

	SourceSequence.Customer customer(long id) {
		DeidentifiableCustomers.Facts c = this.customers.facts(id);
		return new SourceSequence.Customer(c.id(), c.name(), c.kind(), c.level(), c.industry(), c.status());
	}

	/** The customer's latest follow-ups, newest first, to choose from. */
	List<PublishCandidate> candidates(long customerId, int limit) {
		return this.followUps.latest(customerId, limit)
			.stream()
			.map(s -> new PublishCandidate(s.id(), s.kind(), s.content(), s.createdAt()))
			.toList();
	}

	/** The chosen follow-ups of the customer; ids of another customer are not found. */
	List<SourceSequence.FollowUp> byIds(long customerId, List<Long> ids) {
		return this.followUps.byIds(customerId, ids).stream().map(KnowHowSource::followUp).toList();
	}

	/**
	 * The customer's follow-ups on the days from {@code from} to {@code to}, inclusive.
	 */
	List<SourceSequence.FollowUp> between(long customerId, LocalDate from, LocalDate to, ZoneId zone, int limit) {
		return this.followUps
			.between(customerId, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
					limit)
			.stream()
			.map(KnowHowSource::followUp)
			.toList();
	}

	private static SourceSequence.FollowUp followUp(FollowUpQueries.Step step) {
		return new SourceSequence.FollowUp(step.id(), step.kind(), step.content(), step.createdAt());
	}

	SourceSequence sequence(SourceSequence.Customer customer, List<SourceSequence.FollowUp> followUps) {
		DeidentifiableCustomers.Identifiers identifiers = this.customers.identifiers(customer.id());
		Map<String, String> known = new LinkedHashMap<>();
		for (int i = 0; i < identifiers.contactNames().size(); i++) {
			known.put(identifiers.phones().get(i), Redaction.PHONE);
			known.put(identifiers.emails().get(i), Redaction.EMAIL);
			known.put(identifiers.wechatIds().get(i), Redaction.WECHAT);
		}
		known.put(identifiers.address(), Redaction.ADDRESS);
		known.remove(null);
		return new SourceSequence(customer, new ArrayList<>(identifiers.contactNames()), known, followUps);
	}

}
