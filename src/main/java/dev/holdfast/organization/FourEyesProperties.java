package dev.holdfast.organization;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code holdfast.security.four-eyes}: whether an administrator's act on someone's access
 * waits for a second administrator. {@code auto} (the default) turns it on once there are
 * two active administrators; {@code true} and {@code false} decide outright.
 */
@ConfigurationProperties("holdfast.security")
record FourEyesProperties(@DefaultValue("auto") String fourEyes) {

	FourEyesProperties {
		fourEyes = fourEyes == null || fourEyes.isBlank() ? "auto" : fourEyes.strip().toLowerCase(Locale.ROOT);
		if (!fourEyes.equals("auto") && !fourEyes.equals("true") && !fourEyes.equals("false")) {
			throw new IllegalArgumentException(
					"holdfast.security.four-eyes must be auto, true or false, not " + fourEyes);
		}
	}

	boolean auto() {
		return this.fourEyes.equals("auto");
	}

	boolean on() {
		return this.fourEyes.equals("true");
	}

}
