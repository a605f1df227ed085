package dev.holdfast.protection;

/**
 * A column an export may have. Identifying columns fingerprint the file; free-text
 * columns hold what people typed, where a masked export masks the phone numbers and
 * e-mail addresses it finds; a canary makes up its own value for the columns that would
 * tell one customer or contact from another, and takes the rest from a real row.
 */
enum ExportColumn {

	CUSTOMER("客户名称 Customer", true, true, true), KIND("类型 Kind"), LEVEL("级别 Level"), STATUS("状态 Status"),
	INDUSTRY("行业 Industry", false, true, false), REGION("地区 Region", false, true, false), OWNER("负责人 Owner"),
	CONTACT("联系人 Contact", true, true, true), TITLE("职务 Title", false, true, false),
	PHONE("电话 Phone", true, false, true), EMAIL("邮箱 E-mail", true, false, true),
	WECHAT("微信 WeChat", false, false, true), ADDRESS("地址 Address", false, false, true), FOLLOW_UP_KIND("方式 Kind"),
	CONTENT("内容 Content", false, true, true), AUTHOR("记录人 Author"), TIME("时间 Time", false, false, true),
	UPDATED("更新时间 Updated", false, false, true);

	private final String header;

	private final boolean identifying;

	private final boolean freeText;

	private final boolean madeUp;

	ExportColumn(String header) {
		this(header, false, false, false);
	}

	ExportColumn(String header, boolean identifying, boolean freeText, boolean madeUp) {
		this.header = header;
		this.identifying = identifying;
		this.freeText = freeText;
		this.madeUp = madeUp;
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

	/** Whether a canary makes up its own value here rather than take a real row's. */
	boolean madeUp() {
		return this.madeUp;
	}

	/** Whether the rows are in the descending order of this column (a time). */
	boolean time() {
		return this == TIME || this == UPDATED;
	}

}
