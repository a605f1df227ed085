package dev.holdfast.knowhow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.holdfast.shared.SensitiveText;

/**
 * Removes contact data from a follow-up text before it becomes company know-how: phone
 * numbers and e-mails however disguised (full-width, Chinese numerals, odd separators:
 * the shared {@link SensitiveText} detector, which also masks free text in exports),
 * WeChat and QQ ids, addresses, the customer's name and its contacts' names. A name
 * becomes a neutral label rather than a blank so the story still reads ("联系人甲 asked for a
 * quote"). Full-width letters and digits are read as their ASCII forms first, so that
 * {@code ｗｘ：ｚｗ＿ｓｈ２０２０} is a WeChat id like any other.
 */
final class Redaction {

	static final String PHONE = "[电话]";

	static final String EMAIL = "[邮箱]";

	static final String WECHAT = "[微信]";

	static final String ADDRESS = "[地址]";

	private static final Pattern MESSENGER_IDS = Pattern.compile(
			"(?i)(微信号?|微信id|wechat|weixin|vx|wx|v信|qq号?)\\s*(?:号|id)?\\s*(?:[:：是为]\\s*)?([a-z0-9][-_a-z0-9]{4,19})");

	private static final Pattern ADDRESSES = Pattern.compile("(?:\\p{IsHan}{2,3}(?:省|自治区))?(?:\\p{IsHan}{2,3}市)?"
			+ "(?:\\p{IsHan}{2,4}[区县])?\\p{IsHan}{2,8}(?:路|街|大道|巷|弄|胡同)\\d+[号弄](?:\\d+(?:号楼|栋|幢|层|楼|室|单元))*");

	/**
	 * Someone named by surname and title (王总, 陈经理) who is not among the contacts.
	 * Surnames that are also common word characters (高, 万, 金, ...) are left out, and 总
	 * must not start a word (总价, 总体), so ordinary text stays readable.
	 */
	private static final Pattern TITLED_PEOPLE = Pattern
		.compile("[王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫雷侯陶黎贺顾郝龚邵钱覃戴莫孔汤]"
				+ "(?:经理|总监|先生|女士|小姐|老师|主任|处长|科长|部长|总(?![体价额数量计共部结之裁的]))");

	static final String PERSON = "[联系人]";

	private static final String[] LABELS = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };

	private static final String HONORIFICS = "总|经理|总监|工|先生|女士|小姐|老师|主任|处长|科长|部长|董|姐|哥";

	private final Map<Pattern, String> names = new LinkedHashMap<>();

	private final Map<String, String> literals = new LinkedHashMap<>();

	/**
	 * A redaction for one customer.
	 * @param customerName replaced by {@code descriptor}, also without its legal suffix
	 * and leading city
	 * @param contactNames replaced, in this order, by 联系人甲, 联系人乙, ...
	 * @param knownValues values known from the records (the contacts' phones, e-mails and
	 * WeChat ids, the customer's address), each with its placeholder, removed wherever
	 * they appear however a pattern would have missed them
	 */
	Redaction(String customerName, String descriptor, List<String> contactNames, Map<String, String> knownValues) {
		List<Map.Entry<String, String>> replacements = new ArrayList<>();
		CustomerNameForms.of(customerName).forEach(form -> replacements.add(Map.entry(form, descriptor)));
		for (int i = 0; i < contactNames.size(); i++) {
			String label = "联系人" + (i < LABELS.length ? LABELS[i] : String.valueOf(i + 1));
			String name = contactNames.get(i).strip();
			replacements.add(Map.entry(name, label));
			if (name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
					&& name.length() >= 2 && name.length() <= 4) {
				String surname = name.substring(0, 1);
				this.names.put(Pattern.compile(surname + "(?:" + HONORIFICS + ")|[老小]" + surname), label);
				if (name.length() >= 3) {
					replacements.add(Map.entry(name.substring(1), label));
				}
			}
		}
		replacements.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
		replacements.stream()
			.filter(e -> e.getKey().length() >= 2)
			.forEach(e -> this.names.putIfAbsent(
					Pattern.compile(Pattern.quote(e.getKey()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
					e.getValue()));
		knownValues.forEach((value, placeholder) -> {
			if (value != null && value.strip().length() >= 5) {
				this.literals.put(value.strip(), placeholder);
			}
		});
	}

	String apply(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = halfWidth(text);
		for (Map.Entry<String, String> literal : this.literals.entrySet()) {
			result = result.replace(literal.getKey(), literal.getValue());
		}
		result = SensitiveText.replace(result, found -> found.kind() == SensitiveText.Kind.PHONE ? PHONE : EMAIL);
		result = MESSENGER_IDS.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + WECHAT));
		result = ADDRESSES.matcher(result).replaceAll(ADDRESS);
		for (Map.Entry<Pattern, String> name : this.names.entrySet()) {
			result = name.getKey().matcher(result).replaceAll(Matcher.quoteReplacement(name.getValue()));
		}
		return TITLED_PEOPLE.matcher(result).replaceAll(Matcher.quoteReplacement(PERSON));
	}

	/**
	 * Full-width ASCII (U+FF01 to U+FF5E) as ASCII, except the punctuation Chinese text
	 * is written with (，：；！？（）), which stays as it was.
	 */
	private static String halfWidth(String text) {
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ascii = c >= '\uFF01' && c <= '\uFF5E' && "，：；！？（）".indexOf(c) < 0;
			result.append(ascii ? (char) (c - 0xFEE0) : c);
		}
		return result.toString();
	}

}
