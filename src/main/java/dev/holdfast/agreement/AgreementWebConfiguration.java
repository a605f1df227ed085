package dev.holdfast.agreement;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.holdfast.shared.HoldfastClock;

/**
 * Puts the agreement gate in front of every handler, with no path pattern: what it lets
 * through is decided by the handler's {@code @FreeOfCustomerData} mark alone.
 */
@Configuration(proxyBeanMethods = false)
class AgreementWebConfiguration implements WebMvcConfigurer {

	private final Obligations obligations;

	private final HoldfastClock clock;

	AgreementWebConfiguration(Obligations obligations, HoldfastClock clock) {
		this.obligations = obligations;
		this.clock = clock;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AgreementGate(this.obligations, this.clock));
	}

}
