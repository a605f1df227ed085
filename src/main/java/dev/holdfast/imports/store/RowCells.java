package dev.holdfast.imports.store;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;

/**
 * A row's cells as they are stored: one JSON array, encrypted by the field cipher and
 * bound to {@code import_row.cells_encrypted}. The cells hold names, phones and e-mail
 * addresses, so they never reach the database in plaintext; the column is declared, so a
 * key rotation re-encrypts it like every other.
 */
@Configuration(proxyBeanMethods = false)
public class RowCells {

	static final EncryptedColumn CELLS = new EncryptedColumn("import_row", "cells_encrypted");

	private static final TypeReference<List<String>> LIST = new TypeReference<>() {
	};

	private final FieldCipher cipher;

	private final ObjectMapper json;

	RowCells(FieldCipher cipher, ObjectMapper json) {
		this.cipher = cipher;
		this.json = json;
	}

	@Bean
	static EncryptedColumn importRowCellsColumn() {
		return CELLS;
	}

	byte[] seal(List<String> cells) {
		return this.cipher.encrypt(this.json.writeValueAsString(cells), CELLS);
	}

	List<String> open(byte[] sealed) {
		return this.json.readValue(this.cipher.decrypt(sealed, CELLS), LIST);
	}

}
