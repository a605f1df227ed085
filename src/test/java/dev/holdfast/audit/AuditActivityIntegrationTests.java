package dev.holdfast.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.holdfast.HoldfastIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other modules count activity through {@link AuditActivity} with typed measures: typed
 * actions, typed conditions on facts, and what each event adds.
 */
@HoldfastIntegrationTest
class AuditActivityIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditActivity activity;

	@Test
	void measuresCountTypedActionsAndFactsOfOneActor() {
		long actor = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
		Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
		this.trail.recordAs(actor, "张伟", AuditAction.CUSTOMER_DATA_READ, "request", null,
				Map.of("records", 3, "rows", 40));
		this.trail.recordAs(actor, "张伟", AuditAction.CUSTOMER_DATA_READ, "request", null, Map.of("rows", 2));
		this.trail.recordAs(actor, "张伟", AuditAction.CONTACT_UPDATED, "contact", 1,
				Map.of("customerId", 1, "changed", List.of("phone"), "level", "A"));
		this.trail.recordAs(actor, "张伟", AuditAction.CONTACT_UPDATED, "contact", 2, Map.of("customerId", 2));
		this.trail.recordAs(actor, "张伟", AuditAction.ACCESS_DENIED, "request", null, Map.of("reason", "forbidden",
				"message", "missing permission customer.archive", "request", "POST /customers/7/archive"));
		this.trail.recordAs(actor, "张伟", AuditAction.ACCESS_DENIED, "request", null, Map.of("reason", "forbidden",
				"message", "missing permission export.request", "request", "POST /exports"));
		List<ActivityMeasure> measures = List.of(ActivityMeasure.of(AuditAction.CUSTOMER_DATA_READ).summing("rows"),
				ActivityMeasure.of(AuditAction.CONTACT_UPDATED).withFact("changed").weighing("level", Map.of("A", 3)),
				ActivityMeasure.of(AuditAction.CUSTOMER_ARCHIVED)
					.or(ActivityMeasure.of(AuditAction.ACCESS_DENIED).refusing("archive")),
				ActivityMeasure.of(AuditAction.CUSTOMER_DATA_READ, AuditAction.CONTACT_UPDATED));

		double[] sums = this.activity.sums(measures, List.of(actor), before, Instant.now()).get(actor);

		assertThat(sums).containsExactly(42, 3, 1, 4);
		assertThat(this.activity.since(measures, actor, before)).containsExactly(42, 3, 1, 4);
		assertThat(this.activity.countsByActor(Set.of(AuditAction.ACCESS_DENIED), before)).containsEntry(actor, 2L);
		assertThat(this.activity.actorsSince(before)).contains(actor);
		assertThat(this.activity.sums(measures, List.of(actor + 1), before, Instant.now())).isEmpty();
	}

}
