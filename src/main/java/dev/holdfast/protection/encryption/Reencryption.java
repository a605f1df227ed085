package dev.holdfast.protection.encryption;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.crypto.UnreadableDataException;

/**
 * One chunk of re-encryption in one column. A Tink ciphertext starts with the id of its
 * key, so the rows still under older keys are those not starting with the primary key's
 * prefix: no bookkeeping column is needed. A value that fails its integrity check is left
 * as it is and reported, never rewritten: re-encrypting it would launder the tampering.
 */
@Component
class Reencryption {

	private static final Logger log = LoggerFactory.getLogger(Reencryption.class);

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final DataKeys keys;

	private final int chunkSize;

	Reencryption(JdbcClient jdbc, FieldCipher cipher, DataKeys keys, ProtectionProperties properties) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.keys = keys;
		this.chunkSize = properties.reencryptChunk();
	}

	long countUnderOlderKeys(EncryptedColumn column) {
		return this.jdbc.sql("select count(*) from " + column.table() + " where " + olderKeys(column))
			.param("prefix", this.keys.primaryPrefix())
			.param("length", this.keys.primaryPrefix().length)
			.query(Long.class)
			.single();
	}

	/** Re-encrypts the next chunk of rows after {@code afterId}. */
	Chunk chunk(EncryptedColumn column, long afterId) {
		List<Row> rows = this.jdbc
			.sql("select id, " + column.column() + " as value from " + column.table() + " where " + olderKeys(column)
					+ " and id > :after order by id limit :limit for update skip locked")
			.param("prefix", this.keys.primaryPrefix())
			.param("length", this.keys.primaryPrefix().length)
			.param("after", afterId)
			.param("limit", this.chunkSize)
			.query(Row.class)
			.list();
		int rewritten = 0;
		List<Long> unreadable = new ArrayList<>();
		for (Row row : rows) {
			try {
				byte[] reencrypted = this.cipher.encrypt(this.cipher.decrypt(row.value(), column), column);
				this.jdbc.sql("update " + column.table() + " set " + column.column() + " = :value where id = :id")
					.param("value", reencrypted)
					.param("id", row.id())
					.update();
				rewritten++;
			}
			catch (UnreadableDataException ex) {
				log.error("{} of row {} in {} failed its integrity check; left as it is", column.column(), row.id(),
						column.table());
				unreadable.add(row.id());
			}
		}
		long last = rows.isEmpty() ? afterId : rows.get(rows.size() - 1).id();
		return new Chunk(rows.isEmpty(), last, rewritten, unreadable);
	}

	private static String olderKeys(EncryptedColumn column) {
		return column.column() + " is not null and substring(" + column.column() + " from 1 for :length) <> :prefix";
	}

	record Row(long id, byte[] value) {
	}

	record Chunk(boolean empty, long lastId, int rewritten, List<Long> unreadable) {
	}

}
