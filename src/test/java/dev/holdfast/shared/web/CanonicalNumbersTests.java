package dev.holdfast.shared.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.TypeMismatchException;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.web.bind.WebDataBinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An id has one spelling (issue 10, hole 3): what Spring's binding of path variables,
 * query parameters and forms makes of the spellings that used to reach the same record.
 */
class CanonicalNumbersTests {

	@Test
	void onlyTheCanonicalSpellingBinds() {
		WebDataBinder binder = new WebDataBinder(null);
		binder.setConversionService(new DefaultFormattingConversionService());
		new CanonicalNumbers().canonicalNumbers(binder);
		assertThat(binder.convertIfNecessary("75", long.class)).isEqualTo(75L);
		assertThat(binder.convertIfNecessary("-3", Integer.class)).isEqualTo(-3);
		assertThat(binder.convertIfNecessary("", Long.class)).as("an empty field is no value").isNull();
		for (String spelling : new String[] { "+75", "075", "0x4b", "#4b", " 75", "75 ", "75.0", "７５" }) {
			assertThatThrownBy(() -> binder.convertIfNecessary(spelling, long.class)).as(spelling)
				.isInstanceOf(TypeMismatchException.class);
			assertThatThrownBy(() -> binder.convertIfNecessary(spelling, Long.class)).as(spelling)
				.isInstanceOf(TypeMismatchException.class);
			assertThatThrownBy(() -> binder.convertIfNecessary(spelling, int.class)).as(spelling)
				.isInstanceOf(TypeMismatchException.class);
			assertThatThrownBy(() -> binder.convertIfNecessary(spelling, Integer.class)).as(spelling)
				.isInstanceOf(TypeMismatchException.class);
		}
	}

}
