package dev.holdfast.followup;

import java.awt.Color;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type of a file is read from its bytes: names play no part here.
 */
class ContentTypesTests {

	private final ContentTypes types = new ContentTypes();

	@Test
	void photosPdfAndOfficeFilesAreRecognisedByTheirContent() {
		assertThat(this.types.detect(SampleFiles.photo(Color.RED))).contains(AttachmentType.JPEG);
		assertThat(this.types.detect(SampleFiles.png())).contains(AttachmentType.PNG);
		assertThat(this.types.detect(SampleFiles.pdf())).contains(AttachmentType.PDF);
		assertThat(this.types.detect(SampleFiles.docx())).contains(AttachmentType.DOCX);
		assertThat(this.types.detect(SampleFiles.xlsx())).contains(AttachmentType.XLSX);
		assertThat(this.types.detect(SampleFiles.xls())).contains(AttachmentType.XLS);
	}

	@Test
	void phoneFormatsAreRecognisedByTheirHeader() {
		byte[] heic = new byte[64];
		System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
		assertThat(this.types.detect(heic)).contains(AttachmentType.HEIC);
		byte[] webp = new byte[64];
		System.arraycopy("RIFF\u0030\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 0, webp, 0, 16);
		assertThat(this.types.detect(webp)).contains(AttachmentType.WEBP);
	}

	@Test
	void programsTextAndPlainZipsAreNotAccepted() {
		assertThat(this.types.detect(SampleFiles.exe())).isEmpty();
		assertThat(this.types.detect(SampleFiles.text())).isEmpty();
		assertThat(this.types.detect(new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 })).isEmpty();
	}

}
