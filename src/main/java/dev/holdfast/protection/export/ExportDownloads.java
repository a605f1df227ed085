package dev.holdfast.protection.export;

import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Releases an export's file: to its requester only (anyone else gets 404), once READY,
 * until it expires; every download is audited.
 */
@Service
class ExportDownloads {

	/** The file and the name to save it under. */
	record ExportFile(String name, String contentType, byte[] content) {

		/** The file as an attachment that no cache keeps. */
		ResponseEntity<byte[]> asResponse() {
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_TYPE, this.contentType)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(this.name).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(this.content);
		}

	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ExportDownloads(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	ExportFile download(long id) {
		Permission.EXPORT_REQUEST.require();
		Map<String, Object> row = this.jdbc.sql("""
				select status, file_name, format, file, expires_at < now() as expired
				from export_request where id = :id and requester_id = :me""")
			.param("id", id)
			.param("me", CurrentEmployee.id())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("export"));
		if (!"READY".equals(row.get("status"))) {
			throw new ConflictException("export_not_ready", "this export is not ready to download",
					Map.of("status", String.valueOf(row.get("status"))));
		}
		if (Boolean.TRUE.equals(row.get("expired")) || row.get("file") == null) {
			throw new ConflictException("export_expired", "this export's file has expired; request it again");
		}
		this.audit.record(AuditAction.EXPORT_DOWNLOADED, "export", id, Map.of("format", row.get("format")));
		String type = "XLSX".equals(row.get("format"))
				? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8";
		return new ExportFile((String) row.get("file_name"), type, (byte[]) row.get("file"));
	}

}
