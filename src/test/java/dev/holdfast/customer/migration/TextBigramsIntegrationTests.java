package dev.holdfast.customer.migration;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.HoldfastIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name search's bigrams (V50: a PL/pgSQL loop) give the pieces V5's SQL function
 * gave, as a set: the GIN indexes built by the old function stay valid, and a search
 * finds what it found.
 */
@HoldfastIntegrationTest
class TextBigramsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSamePiecesAsTheFunctionOfV5() {
		List<String> texts = List.of("", "北", "北京", "北京北京北京", "上海浦东发展银行股份有限公司", "AbAB ab", "x y  z", "İstanbul Ltd",
				"😀😁😀", "深圳市腾讯计算机系统有限公司 Tencent");
		for (String text : texts) {
			String[] now = this.jdbc.sql("select text_bigrams(?)")
				.param(text)
				.query((rs, n) -> (String[]) rs.getArray(1).getArray())
				.single();
			String[] before = this.jdbc.sql("""
					select coalesce(array_agg(distinct substr(lower(v), i, 2)), '{}')
					from (select ?::text as v) t, generate_series(1, char_length(v) - 1) as i""")
				.param(text)
				.query((rs, n) -> (String[]) rs.getArray(1).getArray())
				.single();
			assertThat(Arrays.stream(now).distinct()).as(text).containsExactlyInAnyOrder(before);
		}
		assertThat(this.jdbc.sql("select text_bigrams(null) is null").query(Boolean.class).single()).isTrue();
		assertThat(this.jdbc.sql("select text_bigrams('北京朝阳区') @> text_bigrams('朝阳')").query(Boolean.class).single())
			.isTrue();
		assertThat(this.jdbc.sql("select text_bigrams('北京朝阳区') @> text_bigrams('阳朝')").query(Boolean.class).single())
			.isFalse();
	}

}
