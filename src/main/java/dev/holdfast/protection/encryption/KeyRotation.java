package dev.holdfast.protection.encryption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Key rotation without downtime: a new primary data key encrypts from now on, the old
 * keys keep decrypting, and the re-encryption rewrites what the old keys wrote, chunk by
 * chunk, each chunk its own short transaction. Both need {@code role.manage} and are
 * audited.
 */
@Service
public class KeyRotation {

	private final DataKeys keys;

	private final RotationFence fence;

	private final Reencryption reencryption;

	private final List<EncryptedColumn> columns;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	KeyRotation(DataKeys keys, RotationFence fence, Reencryption reencryption, List<EncryptedColumn> columns,
			TransactionTemplate transactions, AuditTrail audit) {
		this.keys = keys;
		this.fence = fence;
		this.reencryption = reencryption;
		this.columns = columns;
		this.transactions = transactions;
		this.audit = audit;
	}

	/** The key set and how many stored values older keys still protect. */
	public KeysetStatus status() {
		Permission.ROLE_MANAGE.require();
		long under = valuesUnderOlderKeys();
		return new KeysetStatus(this.keys.primaryKeyId(), this.keys.size(), this.keys.writable(), under);
	}

	public KeysetStatus rotate() {
		Permission.ROLE_MANAGE.require();
		if (!this.keys.writable()) {
			throw new ConflictException("keyset_not_writable",
					"the key set is given through the environment: rotate it there (add a new primary key, keep the old ones) and restart");
		}
		this.transactions.executeWithoutResult(tx -> {
			// every instance's transactions that encrypted under the old key end first,
			// and those after the commit encrypt under the new one (RotationFence)
			this.fence.lockForRotation();
			this.keys.reloadIfChanged();
			int before = this.keys.primaryKeyId();
			this.keys.rotate();
			this.audit.record(AuditAction.KEYSET_ROTATED, "keyset", this.keys.primaryKeyId(),
					Map.of("previousKeyId", before, "keys", this.keys.size()));
		});
		return status();
	}

	/**
	 * Re-encrypts every value under the primary key; running it again finds nothing to
	 * do. Rows another transaction holds are skipped and caught by the next run; values
	 * that fail their integrity check are named in the audit event and left alone.
	 */
	public ReencryptionResult reencrypt() {
		Permission.ROLE_MANAGE.require();
		return reencryptAll();
	}

	/** How many stored values older keys still protect; for the scheduled job. */
	long valuesUnderOlderKeys() {
		this.keys.reloadIfChanged();
		return this.columns.stream().mapToLong(this.reencryption::countUnderOlderKeys).sum();
	}

	/** The re-encryption itself, for an administrator or the scheduled job. */
	ReencryptionResult reencryptAll() {
		this.keys.reloadIfChanged();
		long rows = 0;
		Map<String, List<Long>> unreadable = new LinkedHashMap<>();
		for (EncryptedColumn column : this.columns) {
			Reencryption.Chunk chunk = new Reencryption.Chunk(false, 0, 0, List.of());
			do {
				long after = chunk.lastId();
				chunk = this.transactions.execute(tx -> this.reencryption.chunk(column, after));
				rows += chunk.rewritten();
				if (!chunk.unreadable().isEmpty()) {
					unreadable.computeIfAbsent(column.table() + "." + column.column(), c -> new ArrayList<>())
						.addAll(chunk.unreadable());
				}
			}
			while (!chunk.empty());
		}
		ReencryptionResult result = new ReencryptionResult(this.keys.primaryKeyId(), rows,
				unreadable.values().stream().mapToLong(List::size).sum());
		this.transactions.executeWithoutResult(tx -> this.audit.record(AuditAction.KEYS_REENCRYPTED, "keyset",
				result.primaryKeyId(), Map.of("rows", result.rows(), "unreadable", unreadable)));
		return result;
	}

}
