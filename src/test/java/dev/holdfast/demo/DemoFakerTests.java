package dev.holdfast.demo;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.holdfast.customer.CustomerNames;
import dev.holdfast.shared.PhoneNumbers;

import static org.assertj.core.api.Assertions.assertThat;

class DemoFakerTests {

	@Test
	void sameSeedSameCompany() {
		DemoFaker first = new DemoFaker(DemoFaker.SEED);
		DemoFaker second = new DemoFaker(DemoFaker.SEED);
		for (int i = 0; i < 50; i++) {
			String city = first.city();
			assertThat(second.city()).isEqualTo(city);
			assertThat(second.companyName(city)).isEqualTo(first.companyName(city));
			assertThat(second.personName()).isEqualTo(first.personName());
			assertThat(second.mobile()).isEqualTo(first.mobile());
		}
	}

	@Test
	void mobileNumbersAreValidMainlandNumbersAndDistinct() {
		DemoFaker faker = new DemoFaker(1);
		Set<String> numbers = new HashSet<>();
		IntStream.range(0, 2000).forEach(i -> numbers.add(faker.mobile()));
		assertThat(numbers).hasSize(2000).allSatisfy(number -> {
			assertThat(number).matches("1[3-9]\\d{9}");
			assertThat(PhoneNumbers.isValid(number)).as(number).isTrue();
			assertThat(PhoneNumbers.normalize(number)).contains("+86" + number);
		});
	}

	@Test
	void companyNamesAreRegionBrandIndustryLegalFormAndDistinctWhenNormalised() {
		DemoFaker faker = new DemoFaker(2);
		Set<String> normalised = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String city = faker.city();
			String name = faker.companyName(city);
			assertThat(name).startsWith(city).matches("\\p{IsHan}+(有限公司|股份有限公司|有限责任公司|集团有限公司)");
			assertThat(faker.industryOf(name)).isNotNull();
			assertThat(normalised.add(CustomerNames.normalize(name))).as(name).isTrue();
		}
	}

	@Test
	void peopleHaveChineseNames() {
		DemoFaker faker = new DemoFaker(3);
		IntStream.range(0, 100).forEach(i -> assertThat(faker.personName()).matches("\\p{IsHan}{2,5}"));
	}

}
