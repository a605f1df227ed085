package dev.holdfast.backup.archive;

/**
 * A backup, verification or restore that cannot go on, with a message for the person who
 * ran it (a wrong passphrase, a damaged archive, a database that is not empty).
 */
public class BackupRefusedException extends RuntimeException {

	public BackupRefusedException(String message) {
		super(message);
	}

	public BackupRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
