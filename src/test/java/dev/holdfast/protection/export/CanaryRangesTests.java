package dev.holdfast.protection.export;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanaryRangesTests {

	@Test
	void numbersAndAddressesComeFromEveryConfiguredRangeAndDomain() {
		ExportProperties.Canary canary = new ExportProperties.Canary(3, List.of("1391027", "15821"),
				List.of("Example-Trading.cn", "example-tech.com.cn"));
		Random random = new Random(7);
		for (int i = 0; i < 200; i++) {
			assertThat(canary.phone(random)).hasSize(11).matches("(1391027|15821)\\d+");
			assertThat(canary.email(random, "wang.wei"))
				.matches("wang\\.wei@(example-trading\\.cn|example-tech\\.com\\.cn)");
		}
		assertThat(canary.placeholders()).isFalse();
	}

	@Test
	void theBuiltInPlaceholdersSayNothingOfCanariesAndAreFlagged() {
		ExportProperties defaults = new ExportProperties(null,
				new ExportProperties.Canary(3, List.of("1391026", "1582173", "1865307", "1352849", "1771034"),
						List.of("hengtai-trading.cn", "ruixinkeji.com.cn", "jiahe-group.cn", "xinyuan-tech.cn")),
				null);
		assertThat(defaults.canary().placeholders()).isTrue();
		assertThat(defaults.canary().emailDomains()).noneMatch(d -> d.contains("canary"));
		assertThat(defaults.canary().phoneRanges()).noneMatch(r -> r.startsWith("170"));
	}

	@Test
	void rangesThatAreNoMobilePrefixOrWouldShowThroughTheMaskAreRefused() {
		for (List<String> ranges : List.of(List.of("1234567"), List.of("13910261"), List.of("13"), List.<String>of())) {
			assertThatThrownBy(() -> new ExportProperties.Canary(3, ranges, List.of("example.cn")))
				.as(ranges.toString())
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> new ExportProperties.Canary(3, List.of("1391026"), List.of("localhost")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
