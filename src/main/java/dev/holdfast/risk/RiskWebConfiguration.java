package dev.holdfast.risk;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.holdfast.audit.AuditTrail;

/**
 * Has every request record what it read of customer data. The reads are metered where
 * they happen ({@link ReadMeter}); no route pattern decides what counts.
 */
@Configuration(proxyBeanMethods = false)
class RiskWebConfiguration implements WebMvcConfigurer {

	private final AuditTrail audit;

	RiskWebConfiguration(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ReadAudit(this.audit));
	}

}
