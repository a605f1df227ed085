package dev.holdfast.protection.export;

import dev.holdfast.shared.LabelPrefix;

/**
 * A column an export may have. Identifying columns fingerprint the file; free-text
 * columns hold what people typed, where a masked export masks the phone numbers and
 * e-mail addresses it finds.
 */
@LabelPrefix("exports.column")
enum ExportColumn {

	CUSTOMER("客户名称 Customer", true, true), KIND("类型 Kind"), LEVEL("级别 Level"), STATUS("状态 Status"),
	INDUSTRY("行业 Industry", false, true), REGION("地区 Region", false, true), OWNER("负责人 Owner"),
	CONTACT("联系人 Contact", true, true), TITLE("职务 Title", false, true), PHONE("电话 Phone", true, false),
	EMAIL("邮箱 E-mail", true, false), WECHAT("微信 WeChat"), ADDRESS("地址 Address"), FOLLOW_UP_KIND("方式 Kind"),
	CONTENT("内容 Content", false, true), AUTHOR("记录人 Author"), TIME("时间 Time"), UPDATED("更新时间 Updated");

	private final String header;

	private final boolean identifying;

	private final boolean freeText;

	ExportColumn(String header) {
		this(header, false, false);
	}

	ExportColumn(String header, boolean identifying, boolean freeText) {
		this.header = header;
		this.identifying = identifying;
		this.freeText = freeText;
	}

	String header() {
		return this.header;
	}

	boolean identifying() {
		return this.identifying;
	}

	boolean freeText() {
		return this.freeText;
	}

	/** Whether the rows are in the descending order of this column (a time). */
	boolean time() {
		return this == TIME || this == UPDATED;
	}

}
