package dev.holdfast.shared.crypto;

/**
 * Records stored data that failed its integrity check in the audit trail
 * ({@code UNREADABLE_DATA}: table, column, row id, never a value). Implemented by the
 * protection module; the error handlers call it once the failed request's transaction has
 * rolled back, so the record commits on its own and never waits for that transaction's
 * lock on the audit chain.
 */
public interface UnreadableDataLog {

	void record(UnreadableDataException failure, String method, String path);

}
