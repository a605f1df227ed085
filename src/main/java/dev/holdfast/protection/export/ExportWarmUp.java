package dev.holdfast.protection.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.HoldfastClock;

/**
 * Does the expensive first-time work of an export in the background right after start:
 * the first export of a fresh JVM took 9 to 17 seconds, a second about one. It runs each
 * of an export's queries once for no one ({@link ExportTables#rehearseReads}), then a few
 * made-up exports of about the size of a real one through the very code a real export
 * runs (masking, canaries, fingerprints, wording, the XLSX and CSV writers), so that
 * Apache POI, Datafaker's dictionaries and the ciphers are loaded and the code is
 * compiled before anyone waits for it. Nothing here reads company data or writes
 * anything: the made-up files are thrown away.
 */
@Component
class ExportWarmUp {

	private static final Logger log = LoggerFactory.getLogger(ExportWarmUp.class);

	/**
	 * Made-up exports, and rows in each: about what a JVM had done by its fifth export.
	 */
	private static final int ROUNDS = 5;

	private static final int ROWS = 300;

	private static final EncryptedColumn PHONE = new EncryptedColumn("contact", "phone_encrypted");

	private final FieldCipher cipher;

	private final ExportTables tables;

	private final ExportCanaries canaries;

	private final ExportFingerprints fingerprints;

	private final ExportWording wording;

	private final HoldfastClock clock;

	private final boolean enabled;

	private volatile boolean done;

	ExportWarmUp(FieldCipher cipher, ExportTables tables, ExportCanaries canaries, ExportFingerprints fingerprints,
			ExportWording wording, HoldfastClock clock, ExportProperties properties) {
		this.cipher = cipher;
		this.tables = tables;
		this.canaries = canaries;
		this.fingerprints = fingerprints;
		this.wording = wording;
		this.clock = clock;
		this.enabled = properties.export().warmUp();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.enabled) {
			return;
		}
		Thread thread = new Thread(this::run, "export-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	/** Whether the warm-up has finished (for tests and the benchmark). */
	boolean done() {
		return this.done;
	}

	void run() {
		long start = System.nanoTime();
		try {
			this.tables.rehearseReads();
			for (int round = 0; round < ROUNDS; round++) {
				rehearse(round);
			}
			this.done = true;
			log.info("Export path warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.warn("Export warm-up failed; the first export will be slower: {}", ex.toString());
		}
	}

	/**
	 * One made-up export of customers, from its rows to its files, as
	 * {@link Exports#prepare} makes one.
	 */
	private void rehearse(int round) {
		List<Map<ExportColumn, String>> records = new ArrayList<>(ROWS);
		Instant now = this.clock.now();
		for (int i = 0; i < ROWS; i++) {
			records.add(record(round * ROWS + i, now.minusSeconds(600L * i)));
		}
		ExportTable table = ExportTables.rows(ExportLayout.CUSTOMERS, records, false);
		ExportTable file = this.canaries.rehearse(ExportLayout.CUSTOMERS, table);
		this.fingerprints.hashes(file);
		file = this.wording.apply(ExportLayout.CUSTOMERS, file, Locale.SIMPLIFIED_CHINESE, false);
		ExportFiles.write("XLSX", "warm-up", file);
		ExportFiles.write("CSV", "warm-up", file);
	}

	private Map<ExportColumn, String> record(int i, Instant updated) {
		String phone = "1380013" + String.format("%04d", i % 10_000);
		Map<ExportColumn, String> values = new EnumMap<>(ExportColumn.class);
		values.put(ExportColumn.CUSTOMER, "上海星河贸易" + i + "有限公司");
		values.put(ExportColumn.KIND, "COMPANY");
		values.put(ExportColumn.LEVEL, "A");
		values.put(ExportColumn.STATUS, "FOLLOWING");
		values.put(ExportColumn.INDUSTRY, "贸易");
		values.put(ExportColumn.REGION, "上海");
		values.put(ExportColumn.OWNER, "王芳");
		values.put(ExportColumn.CONTACT, "李伟");
		values.put(ExportColumn.PHONE, this.cipher.decrypt(this.cipher.encrypt(phone, PHONE), PHONE));
		values.put(ExportColumn.EMAIL, "li.wei" + i + "@example.com");
		values.put(ExportColumn.UPDATED, this.clock.dateTime(updated));
		return values;
	}

}
