package dev.holdfast.protection;

/**
 * A synthetic customer with one contact, made for one export only.
 */
record ExportCanary(String customerName, String contactName, String title, String industry, String region, String phone,
		String email, String wechat) {

	/**
	 * A street address in the canary's city, derived from its phone so that each canary
	 * keeps the same one (contacts exports carry addresses).
	 */
	String address() {
		int number = Integer.parseInt(this.phone.substring(this.phone.length() - 3)) + 1;
		return this.region + "市" + this.industry + "产业园" + number + "号";
	}

}
