package dev.holdfast.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The sealer's lag for the metrics: the age of the oldest audit event not chained yet
 * ({@code holdfast_audit_unsealed_age_seconds}). It stays below the seal interval while
 * the sealer keeps up.
 */
@Component
class AuditSealerMetrics implements MeterBinder {

	private final AuditSealer sealer;

	AuditSealerMetrics(AuditSealer sealer) {
		this.sealer = sealer;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("holdfast.audit.unsealed.age", this.sealer, s -> s.oldestUnsealedAge().toNanos() / 1e9)
			.baseUnit("seconds")
			.description("Age of the oldest audit event not sealed into the hash chain yet")
			.register(registry);
	}

}
