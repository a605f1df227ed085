package dev.holdfast.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Downloads the import template in Chinese ({@code zh}) or English ({@code en}). It holds
 * no data, but only someone who may import has a use for it.
 */
@RestController
class ImportTemplateApi {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ImportTemplates templates;

	ImportTemplateApi(ImportTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/api/v1/imports/templates/{language}")
	@RequiresPermission(Permission.CUSTOMER_IMPORT)
	ResponseEntity<byte[]> template(@PathVariable String language) throws IOException {
		Locale locale = switch (language) {
			case "zh" -> Locale.SIMPLIFIED_CHINESE;
			case "en" -> Locale.ENGLISH;
			default -> throw new InvalidInputException("language", "must be zh or en");
		};
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.templates.write(locale, out);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(ImportTemplates.fileName(locale)).build().toString())
			.body(out.toByteArray());
	}

}
