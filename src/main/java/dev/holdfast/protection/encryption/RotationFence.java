package dev.holdfast.protection.encryption;

import javax.sql.DataSource;

import com.google.crypto.tink.Aead;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a key rotation apart from the transactions that encrypt, on every instance that
 * shares the key file and the database. A transaction takes a shared advisory lock before
 * it first encrypts and then encrypts with the key file as it is now; a rotation takes
 * the lock exclusively, so it waits for the transactions that encrypted under the old
 * primary key to end, and every transaction after it reads the new key file. Once the
 * rotation has answered, no instance writes under the old key again, and one
 * re-encryption finds everything that is left.
 */
@Component
class RotationFence {

	private static final String LOCK = "hashtext('holdfast.key-rotation')";

	private final DataKeys keys;

	/** Used only inside a transaction; null in tests without a database. */
	private final JdbcClient jdbc;

	/**
	 * On the data source, not the JdbcClient bean: that waits for Flyway, whose Java
	 * migrations encrypt.
	 */
	RotationFence(DataKeys keys, DataSource dataSource) {
		this.keys = keys;
		this.jdbc = (dataSource != null) ? JdbcClient.create(dataSource) : null;
	}

	/**
	 * The AEAD to encrypt with: the primary key as of the first encryption in this
	 * transaction (outside a transaction, as of now).
	 */
	Aead forWriting() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			this.keys.reloadIfChanged();
		}
		else if (!TransactionSynchronizationManager.hasResource(this)) {
			this.jdbc.sql("select pg_advisory_xact_lock_shared(" + LOCK + ")").query(Object.class).single();
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(RotationFence.this);
				}
			});
			this.keys.reloadIfChanged();
		}
		return this.keys.aead();
	}

	/**
	 * Within the rotating transaction: waits until no transaction that encrypted is open,
	 * and keeps new ones waiting until the rotation commits.
	 */
	void lockForRotation() {
		this.jdbc.sql("select pg_advisory_xact_lock(" + LOCK + ")").query(Object.class).single();
	}

}
