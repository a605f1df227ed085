package dev.holdfast.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Labels;

/**
 * The package's PDF summary: the Thymeleaf template {@code evidence/summary} (XHTML, in
 * the package's language) rendered by openhtmltopdf, with the font of
 * {@link EvidenceFonts} embedded (as a subset) so that Chinese text renders and can be
 * selected and searched.
 */
@Component
class SummaryPdf {

	private final ITemplateEngine templates;

	private final EvidenceFonts fonts;

	private final HoldfastClock clock;

	private final Labels labels;

	SummaryPdf(ITemplateEngine templates, EvidenceFonts fonts, HoldfastClock clock, Labels labels) {
		this.templates = templates;
		this.fonts = fonts;
		this.clock = clock;
		this.labels = labels;
	}

	static Locale locale(String language) {
		return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	byte[] render(EvidenceFacts facts, byte[] chart, boolean unmasked) {
		Locale locale = locale(facts.language());
		Context context = new Context(locale);
		context.setVariable("facts", facts);
		context.setVariable("words", new SummaryWords(this.clock, this.labels, locale, unmasked));
		context.setVariable("chart", "data:image/png;base64," + Base64.getEncoder().encodeToString(chart));
		context.setVariable("font", EvidenceFonts.FAMILY);
		context.setVariable("unmasked", unmasked);
		String html = this.templates.process("evidence/summary", context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(this.fonts.font(), EvidenceFonts.FAMILY);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
