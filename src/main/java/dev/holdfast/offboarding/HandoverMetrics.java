package dev.holdfast.offboarding;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Handover progress for the operators' dashboard (issue 14, item 7):
 * {@code holdfast_handover_items_open} counts the customers still waiting in the
 * handovers that run, {@code holdfast_handovers_running} those handovers. Read from the
 * database at each scrape, so every instance reports the whole company's figure,
 * whichever instance does the work (take the maximum across instances, not the sum).
 */
@Component
class HandoverMetrics {

	HandoverMetrics(JdbcClient jdbc, MeterRegistry registry) {
		Gauge.builder("holdfast.handover.items.open", () -> jdbc.sql("""
				select count(*) from handover_item i join offboarding_case k on k.id = i.case_id
				where k.status = 'HANDING_OVER' and i.done_at is null""").query(Long.class).single())
			.description("customers not yet handed over in the handovers that run")
			.register(registry);
		Gauge
			.builder("holdfast.handovers.running",
					() -> jdbc.sql("select count(*) from offboarding_case where status = 'HANDING_OVER'")
						.query(Long.class)
						.single())
			.description("handovers that run")
			.register(registry);
	}

}
