package dev.holdfast.knowhow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The copy that goes into the library: the steps and the manager's own words (title,
 * lesson, tags, which may name the customer too) after redaction, the steps dated only by
 * the day since the first, and the text the search looks in.
 */
record RedactedCopy(KnowHowSummary summary, List<KnowHowStep> steps, String searchText) {

	static RedactedCopy of(SourceSequence sequence, PublishForm form) {
		SourceSequence.Customer customer = sequence.customer();
		String descriptor = CustomerDescriptor.of(customer.industry(), customer.level(), customer.kind());
		Redaction redaction = new Redaction(customer.name(), descriptor, sequence.contactNames(),
				sequence.knownValues());
		List<KnowHowStep> steps = new ArrayList<>();
		List<SourceSequence.FollowUp> followUps = sequence.followUps();
		for (SourceSequence.FollowUp followUp : followUps) {
			int day = (int) Duration.between(followUps.get(0).createdAt(), followUp.createdAt()).toDays();
			steps.add(new KnowHowStep(steps.size() + 1, day, followUp.kind(), redaction.apply(followUp.content())));
		}
		List<String> tags = form.cleanTags().stream().map(redaction::apply).toList();
		List<String> kinds = followUps.stream().map(SourceSequence.FollowUp::kind).distinct().toList();
		KnowHowSummary summary = new KnowHowSummary(0, redaction.apply(form.title().strip()),
				redaction.apply(form.lesson().strip()), tags, descriptor, customer.industry(), customer.level(),
				customer.status(), kinds, steps.size(), null);
		String searchText = String.join("\n", summary.title(), summary.lesson(), String.join(" ", tags),
				customer.industry() == null ? "" : customer.industry(),
				String.join("\n", steps.stream().map(KnowHowStep::content).toList()));
		return new RedactedCopy(summary, steps, searchText);
	}

}
