package dev.holdfast.evidence;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The font with Chinese glyphs that the PDF embeds: the configured one, else the first
 * system font of the candidates. Without one, building a package fails with a message
 * that says what to install or configure, rather than a PDF of empty boxes.
 */
@Component
class EvidenceFonts {

	static final String FAMILY = "holdfast-cjk";

	private final EvidenceProperties properties;

	EvidenceFonts(EvidenceProperties properties) {
		this.properties = properties;
	}

	File font() {
		List<String> tried = new ArrayList<>();
		if (!this.properties.font().isBlank()) {
			tried.add(this.properties.font());
		}
		else {
			tried.addAll(this.properties.fontCandidates());
		}
		for (String path : tried) {
			File file = new File(path);
			if (file.isFile() && file.canRead()) {
				return file;
			}
		}
		throw new IllegalStateException("No font with Chinese glyphs for the evidence PDF: tried " + tried
				+ ". Install one (Debian: apt-get install fonts-wqy-zenhei) or set holdfast.evidence.font "
				+ "to a .ttf, .otf or .ttc file.");
	}

}
