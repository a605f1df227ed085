package dev.holdfast.customer;

import java.time.LocalDate;
import java.util.Map;

/**
 * The describing fields of a contact.
 */
record ContactData(String name, String title, String phone, String email, String wechat, String address, Gender gender,
		LocalDate birthday, String notes) {

	static ContactData fromSnapshot(Map<String, Object> snapshot) {
		String birthday = (String) snapshot.get("birthday");
		String gender = (String) snapshot.get("gender");
		return new ContactData((String) snapshot.get("name"), (String) snapshot.get("title"),
				(String) snapshot.get("phone"), (String) snapshot.get("email"), (String) snapshot.get("wechat"),
				(String) snapshot.get("address"), gender == null ? Gender.UNKNOWN : Gender.valueOf(gender),
				birthday == null ? null : LocalDate.parse(birthday), (String) snapshot.get("notes"));
	}

}
