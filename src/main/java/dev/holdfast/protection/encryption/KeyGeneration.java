package dev.holdfast.protection.encryption;

import org.springframework.core.env.Environment;

/**
 * When missing key files may be generated: always for the embedded default (a single
 * instance on its own data directory), otherwise only when asked, because instances that
 * each generated their own keys could not read each other's rows.
 */
final class KeyGeneration {

	private KeyGeneration() {
	}

	static boolean allowed(ProtectionProperties properties, Environment environment) {
		return properties.generateKeys() || environment.getProperty("spring.datasource.url", "").isEmpty();
	}

}
