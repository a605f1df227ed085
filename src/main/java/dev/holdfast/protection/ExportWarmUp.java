package dev.holdfast.protection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.datafaker.Faker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.EncryptedColumn;
import dev.holdfast.shared.FieldCipher;
import dev.holdfast.shared.Masking;
import dev.holdfast.shared.SensitiveText;

/**
 * Does the expensive first-time work of an export once, in the background, right after
 * start: the first export of a fresh JVM took 9 to 17 seconds, of which loading and
 * initialising Apache POI took 6, the canary generator's Chinese dictionaries (Datafaker)
 * 1, and the ciphers, masking patterns and hashes the rest; a second export took about a
 * second. Nothing here reads or writes company data: it writes a made-up table to memory
 * and throws it away.
 */
@Component
class ExportWarmUp {

	private static final Logger log = LoggerFactory.getLogger(ExportWarmUp.class);

	private final FieldCipher cipher;

	private final ExportFingerprints fingerprints;

	private final ExportProperties.Export properties;

	private volatile boolean done;

	ExportWarmUp(FieldCipher cipher, ExportFingerprints fingerprints, ExportProperties properties) {
		this.cipher = cipher;
		this.fingerprints = fingerprints;
		this.properties = properties.export();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.properties.warmUp()) {
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
			Random random = new Random(1);
			Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, random);
			List<List<String>> rows = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String name = CanaryNames.customer("上海星河贸易有限公司", null, "上海", new HashSet<>(), random, faker);
				String phone = "1380013" + String.format("%04d", i);
				EncryptedColumn column = new EncryptedColumn("contact", "phone_encrypted");
				String clear = this.cipher.decrypt(this.cipher.encrypt(phone, column), column);
				rows.add(List.of(String.valueOf(name), CanaryNames.person(random, faker), Masking.phone(clear),
						SensitiveText.mask("电话 " + phone + "，邮件 wang.fang@example.com"),
						ExportFiles.neutralise("=1+" + i)));
				this.fingerprints.hashOf(name);
			}
			ExportTable table = new ExportTable(List.of("a", "b", "c", "d", "e"), rows, List.of(0, 1, 2));
			ExportFiles.write("XLSX", "warm-up", table);
			ExportFiles.write("CSV", "warm-up", table);
			this.done = true;
			log.info("Export path warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.warn("Export warm-up failed; the first export will be slower: {}", ex.toString());
		}
	}

}
