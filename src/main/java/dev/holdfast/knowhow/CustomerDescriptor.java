package dev.holdfast.knowhow;

/**
 * A customer described without being named: its industry and level, e.g. "某制造业A级客户".
 */
final class CustomerDescriptor {

	private CustomerDescriptor() {
	}

	static String of(String industry, String level, String kind) {
		String trade = industry == null ? "" : industry.strip();
		if (!trade.isEmpty() && !trade.endsWith("业")) {
			trade += "行业";
		}
		return "某" + trade + level + "级" + ("PERSON".equals(kind) ? "个人客户" : "客户");
	}

}
