package dev.holdfast.agreement;

import java.time.Instant;
import java.util.List;

/**
 * An agreement template with its versions, newest first.
 */
record AgreementView(long id, String titleZh, String titleEn, List<String> roles, Instant createdAt,
		List<VersionView> versions) {

	public VersionView current() {
		return this.versions.isEmpty() ? null : this.versions.get(0);
	}

}
