package dev.holdfast.imports.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Sends an XLSX download: the workbook is written to a temporary file first, so that a
 * refusal (404, 403) answers as such before a byte of the file has gone out, then copied
 * to the response and deleted.
 */
final class Spreadsheets {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Writes a workbook. */
	interface Workbook {

		void writeTo(OutputStream out) throws IOException;

	}

	private Spreadsheets() {
	}

	static void send(String fileName, Workbook workbook, HttpServletResponse response) throws IOException {
		Path temporary = Files.createTempFile("holdfast-xlsx-", ".xlsx");
		try {
			try (OutputStream out = Files.newOutputStream(temporary)) {
				workbook.writeTo(out);
			}
			response.setContentType(XLSX);
			response.setContentLengthLong(Files.size(temporary));
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			Files.copy(temporary, response.getOutputStream());
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * The error report's name: the uploaded file's name without its extension, then
	 * {@code -errors.xlsx}; characters that a file system or a header would trip over are
	 * replaced.
	 */
	static String errorReportName(String uploaded) {
		String name = uploaded == null ? "" : uploaded;
		int dot = name.lastIndexOf('.');
		String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (base.length() > 80) {
			base = base.substring(0, 80);
		}
		return (base.isEmpty() ? "import" : base) + "-errors.xlsx";
	}

}
