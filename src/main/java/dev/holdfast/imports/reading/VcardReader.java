package dev.holdfast.imports.reading;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;

import dev.holdfast.imports.ImportFormat;
import dev.holdfast.imports.ImportHeader;
import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;
import dev.holdfast.imports.ImportTable;

/**
 * Reads a phone's contacts export (vCard 2.1, 3.0 and 4.0) one card at a time with
 * ez-vcard: one row per card, in the columns of {@link VcardColumns}. The file's charset
 * is found like a CSV file's; quoted-printable values use their own {@code CHARSET}, else
 * that one. Row numbers count the cards.
 */
public final class VcardReader {

	private VcardReader() {
	}

	public static ImportTable open(InputStream input, ImportLimits limits) {
		try {
			BufferedInputStream in = new BufferedInputStream(input, 64 * 1024);
			Charset charset = TextCharsets.detect(in);
			VCardReader reader = new VCardReader(new InputStreamReader(in, charset));
			reader.setDefaultQuotedPrintableCharset(charset);
			reader.setCaretDecodingEnabled(true);
			return new Table(ImportFormat.VCARD, new ImportHeader(0, VcardColumns.NAMES), new Cards(reader, limits),
					limits);
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ImportRefusedException("is not a readable vCard file");
		}
	}

	private static final class Cards implements RawRows {

		private final VCardReader reader;

		private final ImportLimits limits;

		private long number;

		Cards(VCardReader reader, ImportLimits limits) {
			this.reader = reader;
			this.limits = limits;
		}

		@Override
		public RawRow next() {
			VCard card;
			try {
				card = this.reader.readNext();
			}
			catch (IOException | RuntimeException ex) {
				throw new ImportRefusedException("is not a readable vCard file after card " + this.number);
			}
			if (card == null) {
				return null;
			}
			this.number++;
			List<String> cells = VcardColumns.of(card);
			return new RawRow(this.number, Cells.checked(this.number, cells, this.limits));
		}

		@Override
		public void close() {
			try {
				this.reader.close();
			}
			catch (IOException ex) {
				// only read: nothing to lose
			}
		}

	}

}
