package dev.holdfast.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo company ({@code HOLDFAST_DEMO=true}).
 *
 * @param enabled seed the demo company on an empty database
 * @param password the password of every demo employee ({@code HOLDFAST_DEMO_PASSWORD});
 * generated and printed once when blank
 */
@ConfigurationProperties("holdfast.demo")
record DemoProperties(boolean enabled, String password) {

	boolean passwordGiven() {
		return this.password != null && !this.password.isBlank();
	}

}
