package dev.holdfast.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsernamesTests {

	@Test
	void everySpellingOfTheSameNameHasOneCanonicalForm() {
		assertThat(Usernames.canonical("it.admin")).isEqualTo("it.admin");
		assertThat(Usernames.canonical("IT.Admin")).isEqualTo("it.admin");
		assertThat(Usernames.canonical("\u0130t.admin")).as("the dotted capital I").isEqualTo("it.admin");
		assertThat(Usernames.canonical("ＩＴ.ＡＤＭＩＮ")).as("full width").isEqualTo("it.admin");
		assertThat(Usernames.canonical(" it.admin ")).isEqualTo("it.admin");
		assertThat(Usernames.canonical("Zhang.San１２３")).isEqualTo("zhang.san123");
	}

	@Test
	void theFormDoesNotDependOnTheServersLocale() {
		java.util.Locale before = java.util.Locale.getDefault();
		try {
			java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
			assertThat(Usernames.canonical("IT.ADMIN")).isEqualTo("it.admin");
		}
		finally {
			java.util.Locale.setDefault(before);
		}
	}

	@Test
	void theCanonicalFormIsStable() {
		for (String name : new String[] { "İt.admin", "ＩＴ.ＡＤＭＩＮ", "ß.straße", "Ǆemal", "王伟" }) {
			String once = Usernames.canonical(name);
			assertThat(Usernames.canonical(once)).isEqualTo(once);
		}
		assertThat(Usernames.canonical(null)).isEmpty();
	}

}
