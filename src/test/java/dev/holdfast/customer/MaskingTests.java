package dev.holdfast.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void aMobileKeepsItsFirstThreeAndLastFourDigitsInAnyNotation() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone("+86 138 1234 5678")).isEqualTo("138****5678");
		assertThat(Masking.phone("138-1234-5678")).isEqualTo("138****5678");
	}

	@Test
	void aForeignNumberKeepsItsCountryCodeAndALandlineItsAreaCode() {
		assertThat(Masking.phone("+852 9123 4567")).isEqualTo("+852 912*4567");
		assertThat(Masking.phone("+44 20 7946 0958")).isEqualTo("+44 207***0958");
	}

	@Test
	void aChineseLandlineKeepsItsAreaCodeWithTheLeadingZeroAsPeopleWriteIt() {
		// before: 571****6666 and 106***5678, numbers nobody dials
		assertThat(Masking.phone("0571-88886666")).isEqualTo("0571****6666");
		assertThat(Masking.phone("+86 571 8888 6666")).isEqualTo("0571****6666");
		assertThat(Masking.phone("(0571) 8888 6666")).isEqualTo("0571****6666");
		assertThat(Masking.phone("010-62345678")).isEqualTo("010****5678");
		assertThat(Masking.phone("021 6234 5678")).isEqualTo("021****5678");
		assertThat(Masking.freeText("请拨 0571-88886666 找王经理")).isEqualTo("请拨 0571****6666 找王经理");
	}

	@Test
	void somethingThatIsNoPhoneNumberShowsAtMostTwoDigits() {
		assertThat(Masking.phone("12345")).isEqualTo("***45");
		assertThat(Masking.phone("分机")).isEqualTo("****");
		assertThat(Masking.phone(null)).isNull();
	}

	@Test
	void anEmailKeepsItsFirstLetterAndDomain() {
		assertThat(Masking.email("zhangwei@example.com")).isEqualTo("z***@example.com");
		assertThat(Masking.email("王@例子.中国")).isEqualTo("王***@例子.中国");
		assertThat(Masking.email("no-at-sign")).isEqualTo("n***");
	}

	@Test
	void aWechatIdKeepsItsFirstAndLastCharacter() {
		assertThat(Masking.wechat("wx_zhang88")).isEqualTo("w***8");
		assertThat(Masking.wechat("ab")).isEqualTo("a*");
	}

	@Test
	void anAddressKeepsProvinceAndCity() {
		assertThat(Masking.address("广东省深圳市南山区科技园南路18号")).isEqualTo("广东省深圳市****");
		assertThat(Masking.address("北京市海淀区中关村大街1号")).isEqualTo("北京市****");
		assertThat(Masking.address("新疆维吾尔自治区乌鲁木齐市天山区1号")).isEqualTo("新疆维吾尔自治区乌鲁木齐市****");
		assertThat(Masking.address("深圳市南山区科技园南路18号")).isEqualTo("深圳市****");
		assertThat(Masking.address("Room 5, 18 Nanshan Road")).isEqualTo("Ro****");
	}

}
