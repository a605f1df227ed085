package dev.holdfast.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.holdfast.audit.AuditEventView;
import dev.holdfast.audit.AuditEvidence;
import dev.holdfast.shared.SpreadsheetCells;
import dev.holdfast.watch.PostDepartureSignal;

/**
 * The files of a package besides the PDF and the chart: the audit events as CSV (every
 * field the chain hashes, both hashes, and whether the hash recomputes), the reading per
 * day, the chain's verification, and the manifest of SHA-256 sums in the format
 * {@code sha256sum -c} reads; then the ZIP of them all.
 */
final class EvidenceFiles {

	static final String MANIFEST = "MANIFEST.sha256";

	static final String[] EVENT_COLUMNS = { "id", "occurred_at", "actor_id", "actor_username", "action", "target_type",
			"target_id", "client_ip", "user_agent", "details", "prev_hash", "hash", "hash_verified" };

	private EvidenceFiles() {
	}

	/**
	 * The events as CSV; the cells are what the chain hashed, except that a text cell a
	 * spreadsheet would take for a formula, or that starts with an apostrophe, gets one
	 * leading apostrophe: the user agent, for one, is whatever the suspect's client sent.
	 * Removing one leading apostrophe from a cell that has it gives back the value hashed
	 * (chain-verification.txt says so).
	 */
	static byte[] events(EvidenceFacts facts) {
		return csv(printer -> {
			printer.printRecord((Object[]) EVENT_COLUMNS);
			for (AuditEventView e : facts.events()) {
				printer.printRecord(e.id(), e.occurredAt(), e.actorId(), quoted(e.actorUsername()), quoted(e.action()),
						quoted(e.targetType()), quoted(e.targetId()), quoted(e.clientIp()), quoted(e.userAgent()),
						quoted(e.details()), e.prevHash(), e.hash(), AuditEvidence.hashOf(e).equals(e.hash()));
			}
		});
	}

	/**
	 * As {@link SpreadsheetCells#neutralise}, and a cell starting with an apostrophe gets
	 * one more, so that removing one leading apostrophe always gives back the value.
	 */
	static String quoted(String value) {
		if (value != null && value.startsWith("'")) {
			return "'" + value;
		}
		return SpreadsheetCells.neutralise(value);
	}

	static byte[] days(EvidenceFacts facts) {
		return csv(printer -> {
			printer.printRecord("day", "customer_records_read", "list_and_search_pages", "reveals", "exports",
					"export_downloads");
			for (EvidenceFacts.Day d : facts.days()) {
				printer.printRecord(d.day(), d.views(), d.lists(), d.reveals(), d.exports(), d.downloads());
			}
		});
	}

	/**
	 * The post-departure watch's signals; the customer as the builder may see it. Its
	 * name and the detail are anyone's writing, so a cell a spreadsheet would take for a
	 * formula gets a leading quote (OWASP CSV injection), as in an export.
	 */
	static byte[] signals(EvidenceFacts facts) {
		return csv(printer -> {
			printer.printRecord("occurred_at", "signal", "customer_id", "customer", "current_owner_id", "detail");
			for (PostDepartureSignal s : facts.signals()) {
				printer.printRecord(s.occurredAt(), s.kind(), s.customerId(),
						SpreadsheetCells.neutralise(s.customerName()), s.currentOwnerId(),
						SpreadsheetCells.neutralise(s.detail()));
			}
		});
	}

	static byte[] verification(EvidenceFacts facts) {
		StringBuilder text = new StringBuilder();
		text.append("events_in_package=").append(facts.events().size()).append('\n');
		text.append("events_whose_hash_recomputes=").append(facts.recomputed()).append('\n');
		text.append("chain_intact=").append(facts.chain().ok()).append('\n');
		text.append("chain_events_checked=").append(facts.chain().checked()).append('\n');
		if (!facts.chain().ok()) {
			text.append("chain_broken_at_event=").append(facts.chain().brokenEventId()).append('\n');
			text.append("chain_problem=").append(facts.chain().problem()).append('\n');
		}
		text.append("verified_at=").append(facts.builtAt()).append('\n');
		text.append("hash=SHA-256 over the previous event's hash and each field (occurred_at in microseconds ")
			.append("since 1970, actor_id, actor_username, action, target_type, target_id, client_ip, user_agent, ")
			.append("details), each written as <length>:<value>| and a missing one as -1:|\n");
		text.append("cells=in audit-events.csv a text cell that starts with an apostrophe had one added, so that ")
			.append("no spreadsheet takes it for a formula: remove that one apostrophe before recomputing a hash\n");
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The ZIP of the files, in their order, with the manifest of their sums last. */
	static byte[] zip(Map<String, byte[]> files) {
		Map<String, byte[]> all = new LinkedHashMap<>(files);
		StringBuilder manifest = new StringBuilder();
		files.forEach((name, content) -> manifest.append(sha256(content)).append("  ").append(name).append('\n'));
		all.put(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, byte[]> file : all.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	private static byte[] csv(Rows rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT)) {
			rows.print(printer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private interface Rows {

		void print(CSVPrinter printer) throws IOException;

	}

}
