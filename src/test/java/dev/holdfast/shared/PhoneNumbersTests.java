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

	@Test
	void insideOnceEachFormAnswersAsOutsideIt() {
		String[] raw = { "13812345678", "+8613812345678", "138 1234 5678", "010-62345678", "+861062345678", "12345",
				"1381234567", "电话" };
		java.util.List<java.util.Optional<String>> outside = java.util.Arrays.stream(raw)
			.map(PhoneNumbers::normalize)
			.toList();
		// the E.164 form a first parse gives is remembered as its own normal form
		assertThat(PhoneNumbers.once(() -> java.util.Arrays.stream(raw).map(PhoneNumbers::normalize).toList()))
			.isEqualTo(outside);
		assertThat(PhoneNumbers.once(() -> java.util.Arrays.stream(raw)
			.map(PhoneNumbers::normalize)
			.map(n -> n.flatMap(PhoneNumbers::normalize))
			.toList())).isEqualTo(outside);
	}

}
