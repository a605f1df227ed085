package dev.holdfast.protection.canary;

import java.util.Locale;
import java.util.Random;
import java.util.Set;

import net.datafaker.Faker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryNamesTests {

	private final Random random = new Random(42);

	private final Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, this.random);

	@Test
	void aCompanyLikeTheRealOneWithTheFilterWhereTheRealOneHasIt() {
		for (int i = 0; i < 50; i++) {
			String name = CanaryNames.customer("杭州星河电子有限公司", "星河", "浙江省杭州市", Set.of("杭州星河电子有限公司"), this.random,
					this.faker);
			assertThat(name).startsWith("杭州星河").endsWith("有限公司").isNotEqualTo("杭州星河电子有限公司");
		}
	}

	@Test
	void withoutAFilterInTheCityOfTheRow() {
		for (int i = 0; i < 20; i++) {
			String name = CanaryNames.customer("上海华东精密机械有限公司", null, "上海市", Set.of(), this.random, this.faker);
			assertThat(name).startsWith("上海").endsWith("有限公司").hasSizeBetween(8, 14);
		}
	}

	@Test
	void aPersonLikeAPerson() {
		for (int i = 0; i < 20; i++) {
			String name = CanaryNames.customer("张伟", "张", null, Set.of("张伟"), this.random, this.faker);
			assertThat(CanaryNames.person(this.random, this.faker)).matches("\\p{IsHan}{2,3}");
			assertThat(CanaryNames.mailbox(this.random)).matches("[a-z][a-z._]+\\d*");
			assertThat(name).startsWith("张").matches("\\p{IsHan}{2,4}");
		}
	}

	@Test
	void aFilterThatIsTheWholeNameStillGetsADifferentNameContainingIt() {
		String name = CanaryNames.customer("上海星河贸易有限公司", "上海星河贸易有限公司", "上海市", Set.of("上海星河贸易有限公司"), this.random,
				this.faker);
		assertThat(name).contains("上海星河贸易有限公司").isNotEqualTo("上海星河贸易有限公司");
	}

	@Test
	void latinNamesStayLatin() {
		String name = CanaryNames.customer("Acme Trading Ltd", "acme", null, Set.of(), this.random, this.faker);
		assertThat(name.toLowerCase(Locale.ROOT)).contains("acme").matches("[\\p{ASCII}]+");
	}

}
