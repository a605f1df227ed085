package dev.holdfast.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.datafaker.Faker;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the canary rows of one export: synthetic Chinese companies and contacts from a
 * generator seeded by the export id, phones and e-mails from the ranges the company
 * controls, kept in {@code export_canary} and nowhere a list or count could show them.
 */
@Component
class ExportCanaries {

	private static final List<String> INDUSTRIES = List.of("贸易", "科技", "电子", "机械", "物流", "建材", "食品", "医药", "环保", "新能源");

	private static final List<String> PINYIN = List.of("wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang",
			"zhou", "wu", "xu", "sun", "hu", "zhu", "gao", "lin", "he", "guo", "ma", "luo");

	private static final List<String> TITLES = List.of("采购经理", "总经理", "财务主管", "销售总监", "行政主管", "技术负责人");

	private final JdbcClient jdbc;

	private final ExportProperties.Canary properties;

	ExportCanaries(JdbcClient jdbc, ExportProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties.canary();
	}

	List<ExportCanary> create(long exportId) {
		Random random = new Random(exportId * 7919L + 17L);
		Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, random);
		List<ExportCanary> canaries = new ArrayList<>();
		for (int tries = 0; canaries.size() < this.properties.perExport(); tries++) {
			if (tries > 1000) {
				throw new IllegalStateException(
						"the canary phone range " + this.properties.phonePrefix() + " is used up");
			}
			ExportCanary canary = make(faker, random, this.properties);
			if (stored(exportId, canary)) {
				canaries.add(canary);
			}
		}
		return canaries;
	}

	/**
	 * One synthetic company and contact; personal canaries are made the same way, so the
	 * two kinds look alike.
	 */
	static ExportCanary make(Faker faker, Random random, ExportProperties.Canary properties) {
		String city = faker.address().city();
		String industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
		String person = faker.name().name();
		String local = PINYIN.get(random.nextInt(PINYIN.size())) + "." + PINYIN.get(random.nextInt(PINYIN.size()))
				+ (10 + random.nextInt(90));
		return new ExportCanary(city + faker.name().firstName() + industry + "有限公司", person,
				TITLES.get(random.nextInt(TITLES.size())), industry, city, phone(random, properties.phonePrefix()),
				local + "@" + properties.emailDomain(), "wx_" + local.replace(".", "_"));
	}

	private static String phone(Random random, String prefix) {
		StringBuilder phone = new StringBuilder(prefix);
		while (phone.length() < 11) {
			phone.append(random.nextInt(10));
		}
		return phone.toString();
	}

	/** False when the phone or e-mail was given to an earlier canary: pick another. */
	private boolean stored(long exportId, ExportCanary canary) {
		return this.jdbc.sql("""
				insert into export_canary (export_id, customer_name, contact_name, phone_normalized, email)
				select :export, :customer, :contact, :phone, :email
				where not exists (select 1 from personal_canary p where p.phone_normalized = :phone or p.email = :email)
				on conflict do nothing""")
			.param("export", exportId)
			.param("customer", canary.customerName())
			.param("contact", canary.contactName())
			.param("phone", canary.phone())
			.param("email", canary.email())
			.update() == 1;
	}

}
