package dev.holdfast.customer;

import java.util.HashSet;
import java.util.Set;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The customers {@link MovedInCustomers} recorded in the current transaction, so that the
 * rest of the same chunk (its follow-ups) may be written to them; forgotten when the
 * transaction ends.
 */
final class RecordedHere {

	private static final Object KEY = new Object();

	private RecordedHere() {
	}

	@SuppressWarnings("unchecked")
	static Set<Long> ids() {
		Set<Long> recorded = (Set<Long>) TransactionSynchronizationManager.getResource(KEY);
		if (recorded == null) {
			recorded = new HashSet<>();
			TransactionSynchronizationManager.bindResource(KEY, recorded);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
		}
		return recorded;
	}

}
