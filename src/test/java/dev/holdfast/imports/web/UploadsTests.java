package dev.holdfast.imports.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name an upload is known by in the import's list, page and audit trail.
 */
class UploadsTests {

	@Test
	void aNameLosesItsFoldersAndItsInvisibleCharacters() {
		assertThat(name("C:\\Users\\王芳\\客户名单.xlsx")).isEqualTo("客户名单.xlsx");
		assertThat(name("../../etc/客户.csv")).isEqualTo("客户.csv");
		// attack, stop 22: a right-to-left override made a .csv read as "…vsc.pdf"
		assertThat(name("名单\u202Efdp.csv")).isEqualTo("名单fdp.csv");
		assertThat(name("客户\u0000\t名单\u2028.vcf")).isEqualTo("客户名单.vcf");
	}

	@Test
	void aLongNameIsCutKeepingItsExtension() {
		String cut = name("华".repeat(300) + ".xlsx");
		assertThat(cut).hasSize(Uploads.LONGEST_NAME).endsWith("华.xlsx");
		String emoji = name("😀".repeat(250) + ".csv");
		assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(Uploads.LONGEST_NAME);
		assertThat(emoji).endsWith("😀.csv");
	}

	private static String name(String original) {
		return Uploads.fileName(new MockMultipartFile("file", original, "text/csv", new byte[] { 1 }));
	}

}
