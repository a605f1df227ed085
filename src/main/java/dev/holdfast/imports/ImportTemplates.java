package dev.holdfast.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.holdfast.imports.template.TemplateWorkbook;

/**
 * The downloadable import templates, in Chinese and English: headers in the language, one
 * example row, and a sheet explaining each column and the values it allows. The readers
 * map a template back to exactly its fields.
 */
@Component
public class ImportTemplates {

	private final MessageSource messages;

	ImportTemplates(MessageSource messages) {
		this.messages = messages;
	}

	public void write(Locale locale, OutputStream out) throws IOException {
		Locale language = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE
				: Locale.ENGLISH;
		TemplateWorkbook.write(language == Locale.SIMPLIFIED_CHINESE,
				key -> this.messages.getMessage(key, null, "", language), out);
	}

	/** The file name to offer for the download. */
	public static String fileName(Locale locale) {
		return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "holdfast-import-template-zh.xlsx"
				: "holdfast-import-template-en.xlsx";
	}

}
