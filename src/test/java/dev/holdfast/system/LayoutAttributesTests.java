package dev.holdfast.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutAttributesTests {

	@Test
	void languageLinksKeepTheRestOfTheQuery() {
		assertThat(LayoutAttributes.withLanguage("q=%E4%BA%91&lang=en&page=2", "zh_CN"))
			.isEqualTo("?q=%E4%BA%91&page=2&lang=zh_CN");
		assertThat(LayoutAttributes.withLanguage(null, "en")).isEqualTo("?lang=en");
	}

}
