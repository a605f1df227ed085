package dev.holdfast.backup;

import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

import dev.holdfast.database.EmbeddedPostgresConfiguration;
import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;

/**
 * The smallest context a restore loads the database in: the data source (the embedded
 * PostgreSQL on the data directory, or {@code SPRING_DATASOURCE_URL}) and the
 * application's Java migrations, which Flyway runs on the empty database up to the
 * archive's version. Nothing else starts: no job, no web server, no bean that would write
 * into the database being restored. Not a {@code @Configuration}, so the application's
 * own scan leaves it alone; it is only ever the source of that context.
 */
@Import(EmbeddedPostgresConfiguration.class)
@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
@ComponentScan(basePackages = "dev.holdfast", useDefaultFilters = false,
		includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class))
class RestoreDatabase {

	/**
	 * A migration that rewrites existing rows finds none in an empty database; should one
	 * ask for a key, the restore stops rather than write with a key that is not the
	 * archive's.
	 */
	@Bean
	FieldCipher refusingCipher() {
		return new FieldCipher() {

			@Override
			public byte[] encrypt(String plaintext, EncryptedColumn column) {
				throw refused();
			}

			@Override
			public String decrypt(byte[] ciphertext, EncryptedColumn column) {
				throw refused();
			}

			@Override
			public byte[] blindIndex(String kind, String normalizedValue) {
				throw refused();
			}

			@Override
			public byte[] encryptBytes(byte[] plain, String associatedData) {
				throw refused();
			}

			@Override
			public byte[] decryptBytes(byte[] ciphertext, String associatedData) {
				throw refused();
			}

		};
	}

	private static IllegalStateException refused() {
		return new IllegalStateException("a migration asked for a key while restoring into an empty database");
	}

}
