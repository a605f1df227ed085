package dev.holdfast.imports.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.holdfast.imports.ImportField;

/**
 * The names people give each field's column, in Chinese and English; the first of each
 * language is the template's header. Compared after {@link HeaderNames#normalize}.
 */
public final class Synonyms {

	private static final Map<ImportField, List<String>> NAMES = new java.util.EnumMap<>(ImportField.class);

	static {
		put(ImportField.CUSTOMER_NAME, "客户名称", "Customer name", "公司名称", "单位名称", "企业名称", "客户全称", "公司全称", "单位", "客户",
				"公司", "company", "customer", "company name", "organization", "organisation", "account", "account name");
		put(ImportField.CUSTOMER_KIND, "客户类型", "Customer type", "客户性质", "类型", "kind", "type", "customer kind");
		put(ImportField.LEVEL, "客户级别", "Level", "级别", "等级", "客户等级", "customer level", "grade", "rating");
		put(ImportField.INDUSTRY, "行业", "Industry", "所属行业", "客户行业");
		put(ImportField.SOURCE, "客户来源", "Source", "来源", "lead source", "customer source");
		put(ImportField.REGION, "地区", "Region", "区域", "所在地区", "省份", "城市", "area", "city", "province");
		put(ImportField.ADDRESS, "地址", "Address", "客户地址", "公司地址", "详细地址", "办公地址", "通讯地址", "company address",
				"street address");
		put(ImportField.NOTES, "备注", "Notes", "客户备注", "说明", "备注信息", "note", "remarks", "remark", "comment", "comments",
				"description");
		put(ImportField.OWNER, "负责人", "Owner", "业务员", "销售", "销售员", "销售人员", "客户经理", "归属人", "所属销售", "sales",
				"salesperson", "sales rep", "account manager", "account owner", "assigned to");
		put(ImportField.CONTACT_NAME, "联系人", "Contact name", "姓名", "联系人姓名", "名字", "name", "contact", "full name",
				"contact person");
		put(ImportField.CONTACT_TITLE, "职务", "Job title", "职位", "联系人职务", "头衔", "title", "position", "role");
		put(ImportField.PHONE, "手机", "Mobile", "手机号", "手机号码", "电话", "联系电话", "电话号码", "移动电话", "联系方式", "联系人手机", "联系人电话",
				"phone", "mobile phone", "mobile number", "cell", "cell phone", "telephone", "tel", "phone number",
				"contact phone");
		put(ImportField.OTHER_PHONE, "其他电话", "Other phone", "座机", "固定电话", "办公电话", "工作电话", "家庭电话", "备用电话", "work phone",
				"home phone", "office phone", "landline", "business phone");
		put(ImportField.EMAIL, "邮箱", "Email", "电子邮箱", "电子邮件", "邮件", "邮箱地址", "联系人邮箱", "e-mail", "mail", "email address");
		put(ImportField.WECHAT, "微信", "WeChat", "微信号", "联系人微信", "weixin", "wechat id");
		put(ImportField.GENDER, "性别", "Gender", "sex");
		put(ImportField.BIRTHDAY, "生日", "Birthday", "出生日期", "date of birth", "birth date");
		put(ImportField.FOLLOW_UP_CONTENT, "跟进内容", "Follow-up", "跟进记录", "跟进情况", "沟通内容", "沟通记录", "拜访记录", "follow up",
				"follow-up notes", "follow-up content", "activity");
		put(ImportField.FOLLOW_UP_DATE, "跟进时间", "Follow-up date", "跟进日期", "沟通时间", "拜访时间", "日期", "时间", "date",
				"follow up date", "activity date");
		put(ImportField.FOLLOW_UP_KIND, "跟进方式", "Follow-up type", "沟通方式", "跟进类型", "follow-up kind", "channel",
				"method");
		put(ImportField.NEXT_CONTACT, "下次跟进时间", "Next contact", "下次联系时间", "下次跟进", "下次跟进日期", "next follow-up",
				"next contact date");
	}

	private static final Map<String, ImportField> BY_NAME = new HashMap<>();

	static {
		NAMES.forEach((field, names) -> names.forEach(name -> BY_NAME.putIfAbsent(HeaderNames.normalize(name), field)));
	}

	private Synonyms() {
	}

	private static void put(ImportField field, String chinese, String english, String... others) {
		List<String> names = new java.util.ArrayList<>(List.of(chinese, english));
		names.addAll(List.of(others));
		NAMES.put(field, List.copyOf(names));
	}

	/** The field a normalised header name stands for. */
	public static Optional<ImportField> field(String normalizedName) {
		return Optional.ofNullable(BY_NAME.get(normalizedName));
	}

	/** The template's header of a field: its first Chinese or English name. */
	public static String header(ImportField field, boolean chinese) {
		return NAMES.get(field).get(chinese ? 0 : 1);
	}

}
