package dev.holdfast.audit;

/**
 * An archived month of the audit trail that does not read back whole: altered, cut short,
 * or encrypted with another secret.
 */
public class AuditArchiveDamagedException extends RuntimeException {

	public AuditArchiveDamagedException(String message, Throwable cause) {
		super(message, cause);
	}

}
