package dev.holdfast.customer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.holdfast.shared.SensitiveText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text masked as a contact's fields are ({@link Masking#freeText}), with every phone
 * number and e-mail address {@link SensitiveText} finds, however it is written.
 */
class FreeTextMaskingTests {

	@ParameterizedTest
	@ValueSource(strings = { "13800138000", "138 0013 8000", "138-0013-8000", "138_0013_8000", "138.0013.8000",
			"138·0013·8000", "138 - 0013 - 8000", "1 3 8 0 0 1 3 8 0 0 0", "138/0013/8000", "１３８００１３８０００",
			"一三八零零一三八零零零", "一三八〇〇一三八〇〇〇", "幺三八零零幺三八零零零", "壹叁捌零零壹叁捌零零零", "一三八 零零一三 八零零零", "1三8零0一3捌0〇0",
			"+86 138 0013 8000", "+86-13800138000", "0086 13800138000", "8613800138000", "＋８６ １３８００１３８０００",
			"①③⑧⓪⓪①③⑧⓪⓪⓪" })
	void freeTextMasksAMobileHoweverItIsWritten(String number) {
		assertThat(Masking.freeText("客户说有事打" + number + "，晚上也行")).isEqualTo("客户说有事打138****8000，晚上也行");
	}

	@ParameterizedTest
	@ValueSource(strings = { "boss@client.example", "BOSS@Client.Example", "boss＠client.example",
			"boss ＠ client.example", "boss(at)client.example", "boss [at] client [dot] example",
			"boss（at）client（dot）example", "boss艾特client.example", "boss@client点example", "boss@client。example",
			"boss at client dot example", "ｂｏｓｓ＠ｃｌｉｅｎｔ．ｅｘａｍｐｌｅ", "boss@client . example" })
	void freeTextMasksAnEMailHoweverItIsWritten(String email) {
		assertThat(Masking.freeText("资料发给" + email + "，谢谢")).isEqualTo("资料发给b***@client.example，谢谢");
	}

	@Test
	void freeTextMasksEveryNumberAndAddressInAText() {
		String text = "13912345678 已打通，老板邮箱 boss@client.example，备用 一三九 一二三四 八七六五；QQ邮箱 12345678@qq.com";
		assertThat(Masking.freeText(text))
			.isEqualTo("139****5678 已打通，老板邮箱 b***@client.example，备用 139****8765；QQ邮箱 1***@qq.com");
		assertThat(SensitiveText.contains(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "第一次电话沟通，客户关心交期和售后，约定2026-12-05再联系，报价12800元。", "合同金额13,800,000元，首付30%，尾款1,380,000元。",
			"2024年1月15日 13:30 拜访，二〇二四年一月十五日签约。", "预算500万，一三年成立，员工两三百人，三五天内回复。",
			"2024/01/15 14:30:00 到 2024-01-16 09:00", "价格从13.8元降到12.5元，数量 1380 件，单价 0.85。", "我们一起去了三个地方，两家工厂一个仓库。",
			"Meet at the office at 9. Send the deck by email.", "版本 v1.3.8，端口 8080，百分比 13.80%", "经理说下午3点到，带两个样品。",
			"尾号8000的那台设备", "138****5678 已经脱敏", "z***@example.com 也已脱敏" })
	void freeTextLeavesOrdinaryTextAlone(String text) {
		assertThat(Masking.freeText(text)).isEqualTo(text);
	}

	@Test
	void aDateRightBeforeANumberDoesNotHideIt() {
		assertThat(Masking.freeText("2024-01-15 13800138000 打过")).isEqualTo("2024-01-15 138****8000 打过");
	}

	@Test
	void anOrderNumberOfPhoneShapeIsMaskedAsTheDetectorSays() {
		assertThat(Masking.freeText("订单号 DD13800138000")).isEqualTo("订单号 DD138****8000");
	}

	@Test
	void freeTextOfNothingIsNothing() {
		assertThat(Masking.freeText("")).isEmpty();
	}

}
