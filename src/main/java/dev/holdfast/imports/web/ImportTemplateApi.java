package dev.holdfast.imports.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.imports.ImportTemplates;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * Downloads the import template in Chinese ({@code zh}) or English ({@code en}). It holds
 * no data, but only someone who may import has a use for it. The page offers the same
 * files at {@code /imports/templates/{language}}.
 */
@RestController
class ImportTemplateApi {

	private final ImportTemplates templates;

	ImportTemplateApi(ImportTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/api/v1/imports/templates/{language}")
	@RequiresPermission(Permission.CUSTOMER_IMPORT)
	void template(@PathVariable String language, HttpServletResponse response) throws IOException {
		send(this.templates, language, response);
	}

	static void send(ImportTemplates templates, String language, HttpServletResponse response) throws IOException {
		Locale locale = switch (language) {
			case "zh" -> Locale.SIMPLIFIED_CHINESE;
			case "en" -> Locale.ENGLISH;
			default -> throw new InvalidInputException("language", "must be zh or en");
		};
		Spreadsheets.send(ImportTemplates.fileName(locale), out -> templates.write(locale, out), response);
	}

}
