package dev.holdfast.protection.canary;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.datafaker.Faker;

/**
 * Names for canaries in the style of the real rows they sit among: a company like the
 * neighbouring row's (its city, its legal form, the words of the filter at the same
 * place), a person if that row's customer is a person, common surnames with Datafaker's
 * given names, and a mailbox such as people choose.
 */
public final class CanaryNames {

	private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
			"马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "田",
			"萧", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "姚");

	private static final List<String> PINYIN = List.of("wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao",
			"wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang", "xie",
			"song", "tang", "xu", "han", "feng", "deng", "cao", "peng", "zeng", "tian", "xiao", "pan", "yuan", "cai",
			"jiang", "yu", "yu", "du", "ye", "cheng", "wei", "su", "lv", "ding", "ren", "shen", "yao");

	private static final List<String> GIVEN = List.of("wei", "fang", "na", "min", "jing", "qiang", "lei", "jun", "yang",
			"yong", "yan", "jie", "tao", "ming", "chao", "xiu", "hua", "ping", "gang", "hui", "bo", "peng", "xin",
			"yu");

	private static final List<String> BRANDS = List.of("华信", "恒泰", "瑞丰", "嘉和", "鑫源", "金盛", "宏达", "永兴", "广源", "德润", "天成",
			"晨光", "明辉", "博远", "汇通", "利民", "佳美", "东升", "盛世", "和创", "新发", "安泰", "致远", "同力", "启航", "远大", "光华", "中联", "正和",
			"万通");

	private static final List<String> TRADES = List.of("贸易", "科技", "电子", "机械", "物流", "建材", "食品", "医药", "环保", "新能源",
			"包装", "化工", "五金", "纺织", "实业", "商贸", "信息技术", "装饰工程");

	private static final List<String> CITIES = List.of("北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "苏州", "无锡", "宁波",
			"温州", "成都", "武汉", "西安", "长沙", "郑州", "济南", "青岛", "合肥", "福州", "厦门", "东莞", "佛山", "沈阳", "大连", "哈尔滨", "长春", "昆明",
			"贵阳", "南宁", "南昌", "太原", "石家庄", "兰州", "海口", "珠海", "中山", "常州", "嘉兴", "绍兴", "台州", "金华", "烟台", "潍坊", "泉州", "徐州",
			"南通", "扬州", "惠州");

	private static final Pattern LEGAL_FORM = Pattern.compile("(股份有限公司|有限责任公司|有限公司|集团有限公司|集团|公司|厂|商行|经营部|工作室|店)$");

	private static final Pattern PERSON = Pattern.compile("\\p{IsHan}{2,4}");

	private static final Pattern REGION_SUFFIX = Pattern.compile("(省|市|自治区|特别行政区|地区)$");

	private CanaryNames() {
	}

	/**
	 * A customer name like {@code like} that contains {@code q} (the export's name
	 * filter, or null) and is none of {@code taken}; null when the filter leaves no other
	 * name.
	 */
	public static String customer(String like, String q, String region, Set<String> taken, Random random, Faker faker) {
		for (int tries = 0; tries < 20; tries++) {
			String name = customer(like, q, region, random, faker);
			if (name != null && !taken.contains(name.toLowerCase(Locale.ROOT))) {
				return name;
			}
		}
		return null;
	}

	private static String customer(String like, String q, String region, Random random, Faker faker) {
		String query = q == null || q.isBlank() ? null : q.strip();
		if (like == null || like.isBlank()) {
			return city(null, region, random) + pick(BRANDS, random) + pick(TRADES, random) + "有限公司";
		}
		if (!like.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			String name = new Faker(Locale.ENGLISH, random).company().name();
			return query == null || contains(name, query) ? name : query + " " + name;
		}
		if (PERSON.matcher(like).matches() && !LEGAL_FORM.matcher(like).find()) {
			return personLike(like, query, random, faker);
		}
		String legal = legalForm(like);
		int at = query == null ? -1 : like.toLowerCase(Locale.ROOT).indexOf(query.toLowerCase(Locale.ROOT));
		if (query == null || at < 0) {
			String made = city(like, region, random) + pick(BRANDS, random) + pick(TRADES, random) + legal;
			return query == null ? made : city(like, region, random) + query + pick(TRADES, random) + legal;
		}
		String before = like.substring(0, at);
		String after = like.substring(at + query.length());
		if (before.isEmpty() && after.isEmpty()) {
			return pick(BRANDS, random) + query;
		}
		String head = before.isEmpty() ? "" : before.length() <= 3 ? before : city(like, region, random);
		String tail = after.isEmpty() ? "" : after.equals(legal) ? legal : pick(TRADES, random) + legal;
		if (head.equals(before) && tail.equals(after)) {
			// the real name's own parts: another trade, or another brand in front
			if (after.isEmpty()) {
				head = head + pick(BRANDS, random);
			}
			else {
				tail = pick(TRADES, random) + legal;
			}
		}
		String name = head + query + tail;
		return name.equalsIgnoreCase(like) ? null : name;
	}

	private static String personLike(String like, String query, Random random, Faker faker) {
		if (query == null || like.equals(query)) {
			return person(random, faker);
		}
		return like.startsWith(query) ? query + given(random, faker, 4 - query.length())
				: pick(SURNAMES, random) + query;
	}

	/** A person's name: a common surname and a given name of one or two characters. */
	public static String person(Random random, Faker faker) {
		return pick(SURNAMES, random) + given(random, faker, 2);
	}

	/**
	 * A mailbox as people choose them: {@code wang.wei88}, {@code liwei},
	 * {@code zhangm2019}.
	 */
	public static String mailbox(Random random) {
		String surname = pick(PINYIN, random);
		String given = pick(GIVEN, random);
		return switch (random.nextInt(4)) {
			case 0 -> surname + "." + given + (10 + random.nextInt(90));
			case 1 -> surname + given;
			case 2 -> surname + given.charAt(0) + (1975 + random.nextInt(30));
			default -> given + "_" + surname + (100 + random.nextInt(900));
		};
	}

	/** The city of a region ({@code 上海市} → {@code 上海}), or empty. */
	static String cityOf(String region) {
		return region == null ? "" : REGION_SUFFIX.matcher(region.strip()).replaceAll("");
	}

	private static String city(String like, String region, Random random) {
		String city = cityOf(region);
		if (!city.isEmpty() && (like == null || like.startsWith(city))) {
			return city;
		}
		if (like != null && like.length() >= 2 && CITIES.contains(like.substring(0, 2))) {
			return like.substring(0, 2);
		}
		return like == null ? pick(CITIES, random) : "";
	}

	private static String given(Random random, Faker faker, int max) {
		String given = faker.name().firstName();
		if (given.isEmpty() || !PERSON.matcher("王" + given).matches()) {
			given = "伟";
		}
		return given.substring(0, Math.max(1, Math.min(given.length(), max)));
	}

	private static String legalForm(String name) {
		Matcher matcher = LEGAL_FORM.matcher(name);
		return matcher.find() ? matcher.group() : "";
	}

	private static boolean contains(String name, String query) {
		return name.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
	}

	private static String pick(List<String> from, Random random) {
		return from.get(random.nextInt(from.size()));
	}

}
