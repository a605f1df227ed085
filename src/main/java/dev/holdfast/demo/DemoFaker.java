package dev.holdfast.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import net.datafaker.Faker;

import dev.holdfast.customer.CustomerNames;
import dev.holdfast.shared.PhoneNumbers;

/**
 * Deterministic fake data for the demo company: Datafaker's Simplified Chinese names,
 * cities and streets, company names of the form region + brand + industry + legal form
 * (深圳星河贸易有限公司), and mainland mobile numbers that libphonenumber accepts. The same seed
 * gives the same company every time.
 */
class DemoFaker {

	static final long SEED = 20240611L;

	private static final List<String> BRANDS = List.of("星河", "华信", "宏达", "瑞丰", "泰和", "恒通", "嘉禾", "盛世", "鑫源", "远航", "腾飞",
			"金桥", "海纳", "天成", "新锐", "明辉", "博远", "创联", "智达", "佳美", "润泽", "德信", "顺达", "福瑞", "祥云", "宇通", "旭日", "东方", "中联",
			"永安", "长青", "隆盛", "昌荣", "茂源", "峰尚", "云海", "卓越", "汇丰", "安泰", "正兴");

	private static final List<String> INDUSTRIES = List.of("贸易", "科技", "电子", "机械", "化工", "物流", "建材", "食品", "医药", "纺织",
			"服饰", "家具", "信息技术", "环保", "新能源", "汽车配件", "五金", "包装");

	private static final List<String> LEGAL_FORMS = List.of("有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司");

	/** Prefixes of the three mainland carriers' mobile networks. */
	private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "135", "136", "137", "138",
			"139", "150", "151", "152", "155", "156", "157", "158", "159", "177", "180", "181", "182", "183", "185",
			"186", "187", "188", "189", "199");

	private final Random random;

	private final Faker faker;

	private final Set<String> companyNames = new HashSet<>();

	private final Set<String> phones = new HashSet<>();

	DemoFaker(long seed) {
		this.random = new Random(seed);
		this.faker = new Faker(Locale.SIMPLIFIED_CHINESE, this.random);
	}

	String personName() {
		return this.faker.name().name();
	}

	String city() {
		return this.faker.address().city();
	}

	/** A street address in the city, e.g. 深圳市王路123号. */
	String address(String city) {
		return city + "市" + this.faker.address().streetAddress();
	}

	/**
	 * A company name no other demo company has, also after normalisation (which drops the
	 * legal form), so the duplicate check never refuses it.
	 */
	String companyName(String city) {
		while (true) {
			String name = city + pick(BRANDS) + pick(INDUSTRIES) + pick(LEGAL_FORMS);
			if (this.companyNames.add(CustomerNames.normalize(name))) {
				return name;
			}
		}
	}

	String industryOf(String companyName) {
		return INDUSTRIES.stream().filter(companyName::contains).findFirst().orElse(null);
	}

	/** A mainland mobile number, 11 digits, valid and not handed out before. */
	String mobile() {
		while (true) {
			String number = pick(MOBILE_PREFIXES) + "%08d".formatted(this.random.nextInt(100_000_000));
			if (PhoneNumbers.isValid(number) && this.phones.add(number)) {
				return number;
			}
		}
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	/** True with the given probability. */
	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	double fraction() {
		return this.random.nextDouble();
	}

}
