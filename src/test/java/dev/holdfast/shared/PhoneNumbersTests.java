package dev.holdfast.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@Test
	void mainlandNumbersInAnyCommonNotationBecomeOneForm() {
		assertThat(PhoneNumbers.normalize("13812345678")).contains("+8613812345678");
		assertThat(PhoneNumbers.normalize("138 1234 5678")).contains("+8613812345678");
		assertThat(PhoneNumbers.normalize("+86 138-1234-5678")).contains("+8613812345678");
		assertThat(PhoneNumbers.normalize("010-62345678")).contains("+861062345678");
	}

	@Test
	void invalidNumbersAreRejected() {
		assertThat(PhoneNumbers.normalize("12345")).isEmpty();
		assertThat(PhoneNumbers.normalize("1381234567")).isEmpty();
		assertThat(PhoneNumbers.normalize("电话")).isEmpty();
		assertThat(PhoneNumbers.normalize(null)).isEmpty();
	}

}
