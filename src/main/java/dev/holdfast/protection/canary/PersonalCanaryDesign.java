package dev.holdfast.protection.canary;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import net.datafaker.Faker;

import dev.holdfast.customer.CanaryCustomer;
import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.customer.CustomerSummary;
import dev.holdfast.protection.export.ExportProperties;

/**
 * What a personal canary looks like: one of the salesperson's real customers picked at
 * random lends it kind, level, status, industry, region and the style of its name, so it
 * does not stand out in their list; a salesperson without customers gets a company in a
 * city.
 */
final class PersonalCanaryDesign {

	private static final List<String> TITLES = List.of("采购经理", "总经理", "财务主管", "销售总监", "行政主管", "技术负责人");

	private static final List<String> STREETS = List.of("高新区科技路", "经济开发区创业路", "工业园区长江路", "新区人民路", "城区中山路", "开发区建设路");

	private PersonalCanaryDesign() {
	}

	static CanaryCustomer like(List<CustomerSummary> theirs, ExportProperties.Canary ranges, Random random,
			Faker faker) {
		CustomerSummary like = theirs.isEmpty() ? null : theirs.get(random.nextInt(theirs.size()));
		String region = like == null ? null : like.region();
		String name = CanaryNames.customer(like == null ? null : like.name(), null, region,
				theirs.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()), random, faker);
		String city = region == null || region.isBlank() ? name.substring(0, 2) : CanaryNames.cityOf(region);
		String mailbox = CanaryNames.mailbox(random);
		return new CanaryCustomer(name, like == null ? CustomerKind.COMPANY : like.kind(),
				like == null ? CustomerLevel.B : like.level(), like == null ? CustomerStatus.FOLLOWING : like.status(),
				like == null ? null : like.industry(), region,
				city + "市" + pick(STREETS, random) + (1 + random.nextInt(600)) + "号", CanaryNames.person(random, faker),
				pick(TITLES, random), ranges.phone(random), ranges.email(random, mailbox),
				"wx" + mailbox.replace(".", "_"));
	}

	private static String pick(List<String> from, Random random) {
		return from.get(random.nextInt(from.size()));
	}

}
