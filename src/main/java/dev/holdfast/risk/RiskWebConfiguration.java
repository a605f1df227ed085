package dev.holdfast.risk;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.holdfast.audit.AuditTrail;

/** Puts the reading limits on the customer list and detail, page and API alike. */
@Configuration(proxyBeanMethods = false)
class RiskWebConfiguration implements WebMvcConfigurer {

	private final RateBuckets buckets;

	private final AuditTrail audit;

	private final RiskProperties properties;

	RiskWebConfiguration(RateBuckets buckets, AuditTrail audit, RiskProperties properties) {
		this.buckets = buckets;
		this.audit = audit;
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ReadingLimits(this.buckets, this.audit, this.properties.rateLimits(), "list"))
			.addPathPatterns("/customers", "/api/v1/customers");
		registry.addInterceptor(new ReadingLimits(this.buckets, this.audit, this.properties.rateLimits(), "detail"))
			.addPathPatterns("/customers/{id:[0-9]+}", "/api/v1/customers/{id:[0-9]+}");
	}

}
