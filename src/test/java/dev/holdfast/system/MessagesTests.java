package dev.holdfast.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of the UI exists in Chinese and in English. */
class MessagesTests {

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Set<String> fallback = keys("messages.properties");
		assertThat(keys("messages_zh_CN.properties")).isEqualTo(fallback);
		assertThat(keys("messages_en.properties")).isEqualTo(fallback);
	}

	private static Set<String> keys(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(MessagesTests.class.getResourceAsStream("/" + name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
