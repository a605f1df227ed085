package dev.holdfast.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A built evidence package as its builder sees it.
 *
 * @param sha256 the hash of the ZIP, also recorded in the audit trail
 * @param chainOk whether the audit chain verified when the package was built
 * @param available whether the file can still be downloaded (not expired)
 */
public record EvidencePackageView(long id, long employeeId, String employeeName, LocalDate from, LocalDate to,
		String language, String fileName, long sizeBytes, String sha256, int events, boolean chainOk, Instant createdAt,
		Instant expiresAt, boolean available) {
}
