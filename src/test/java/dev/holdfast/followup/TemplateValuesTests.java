package dev.holdfast.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.holdfast.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TemplateValuesTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final FollowUpTemplateView visit = new FollowUpTemplateView(7, "拜访", FollowUpKind.VISIT, null,
			List.of(new TemplateField("participants", "参与人", "Participants", TemplateFieldType.TEXT, true, null, 0),
					new TemplateField("budget", "预算", "Budget", TemplateFieldType.NUMBER, false, null, 1),
					new TemplateField("stage", "阶段", "Stage", TemplateFieldType.CHOICE, false, List.of("初次接触", "报价"),
							2),
					new TemplateField("nextContactAt", "下次联系", "Next contact", TemplateFieldType.DATE, false, null, 3)),
			3, Instant.now(), null);

	@Test
	void valuesAreCheckedByTypeAndTheDateFieldSetsTheNextContact() {
		TemplateValues values = TemplateValues.check(this.visit,
				Map.of("participants", " 王总 ", "budget", "5000.5", "stage", "报价", "nextContactAt", "2031-05-06"),
				SHANGHAI);
		assertThat(values.values()).containsEntry("participants", "王总")
			.containsEntry("budget", new BigDecimal("5000.5"))
			.containsEntry("nextContactAt", "2031-05-06");
		assertThat(values.nextContactAt()).isEqualTo(Instant.parse("2031-05-06T01:00:00Z"));
	}

	@Test
	void everyWrongFieldIsNamed() {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> TemplateValues.check(this.visit,
						Map.of("participants", "  ", "budget", "五千", "stage", "成交", "nextContactAt", "明天", "x", "1"),
						SHANGHAI));
		assertThat(refused.fields()).containsOnlyKeys("fields.participants", "fields.budget", "fields.stage",
				"fields.nextContactAt", "fields.x");
	}

	@Test
	void withoutATemplateNoFieldsAreAccepted() {
		assertThat(TemplateValues.check(null, null, SHANGHAI).values()).isEmpty();
		assertThat(catchThrowableOfType(InvalidInputException.class,
				() -> TemplateValues.check(null, Map.of("participants", "王总"), SHANGHAI))
			.fields()).containsOnlyKeys("fields.participants");
	}

}
