package dev.holdfast.protection.encryption;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.protection.BackupKeys;
import dev.holdfast.protection.DecryptionCheck;
import dev.holdfast.protection.KeySetCopy;
import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.crypto.UnreadableDataException;

/**
 * The key sets as a backup takes them (from the environment or their files, as read now:
 * a rotation since the start is included), and the check that a restored database
 * decrypts.
 */
@Component
class KeySetBackup implements BackupKeys {

	private static final int MAX_REPORTED = 20;

	private final ProtectionProperties properties;

	private final DataKeys keys;

	private final FieldCipher cipher;

	private final List<EncryptedColumn> columns;

	KeySetBackup(ProtectionProperties properties, DataKeys keys, FieldCipher cipher, List<EncryptedColumn> columns) {
		this.properties = properties;
		this.keys = keys;
		this.cipher = cipher;
		this.columns = columns;
	}

	@Override
	public List<KeySetCopy> copies() {
		this.keys.reloadIfChanged();
		return List.of(copy("data", this.properties.keyset(), this.properties.keysetFile()),
				copy("index", this.properties.indexKeyset(), this.properties.indexKeysetFile()));
	}

	@Override
	public DecryptionCheck checkDecryptable(JdbcClient database) {
		long values = 0;
		List<String> unreadable = new ArrayList<>();
		for (EncryptedColumn column : this.columns.stream().distinct().toList()) {
			try (Stream<Row> rows = database
				.sql("select id, " + column.column() + " as value from " + column.table() + " where " + column.column()
						+ " is not null order by id")
				.withFetchSize(1000)
				.query(Row.class)
				.stream()) {
				for (Row row : (Iterable<Row>) rows::iterator) {
					values++;
					try {
						this.cipher.decrypt(row.value(), column);
					}
					catch (UnreadableDataException ex) {
						if (unreadable.size() < MAX_REPORTED) {
							unreadable.add(column.table() + "." + column.column() + " #" + row.id());
						}
					}
				}
			}
		}
		return new DecryptionCheck(values, unreadable);
	}

	private static KeySetCopy copy(String name, String given, java.nio.file.Path file) {
		String json = (given != null && !given.isBlank()) ? given : KeySetInstall.read(file);
		return new KeySetCopy(name, json.getBytes(StandardCharsets.UTF_8));
	}

	record Row(long id, byte[] value) {
	}

}
