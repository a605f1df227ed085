package dev.holdfast;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real OpenID Connect provider (NAV's mock-oauth2-server), one per test JVM, that the
 * shared context of {@link HoldfastIntegrationTest} is configured with: its registration
 * is read from the discovery document at start-up, so single sign-on cannot be switched
 * on later. It changes nothing for the other tests: the login page shows one more button,
 * and only employees who have logged in through the provider are affected
 * ({@code holdfast.sso.local-login} is switched per class).
 */
public final class SingleSignOnProvider implements ContextCustomizerFactory {

	/** The issuer's id at the provider. */
	public static final String ISSUER = "corp";

	/** The client Holdfast is registered as. */
	public static final String CLIENT = "holdfast-crm";

	/** What the login button says. */
	public static final String NAME = "统一身份认证";

	/** The provider, started on first use and stopped when the JVM exits. */
	public static MockOAuth2Server server() {
		return Holder.SERVER;
	}

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	private static final class Holder {

		private static final MockOAuth2Server SERVER = start();

		private static MockOAuth2Server start() {
			MockOAuth2Server server = new MockOAuth2Server();
			server.start(0);
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "oidc-provider-stop"));
			return server;
		}

	}

	/** Equal to every other, so that it keeps one cached context. */
	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> sso = Map.of("holdfast.sso.issuer-uri", server().issuerUrl(ISSUER).toString(),
					"holdfast.sso.client-id", CLIENT, "holdfast.sso.client-secret", "client-secret-for-tests",
					"holdfast.sso.name", NAME);
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("holdfast-test-sso", sso));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
