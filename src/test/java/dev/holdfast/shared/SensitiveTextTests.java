package dev.holdfast.shared;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "13800138000", "138 0013 8000", "138-0013-8000", "138_0013_8000", "138.0013.8000",
			"138·0013·8000", "138 - 0013 - 8000", "1 3 8 0 0 1 3 8 0 0 0", "138/0013/8000", "１３８００１３８０００",
			"一三八零零一三八零零零", "一三八〇〇一三八〇〇〇", "幺三八零零幺三八零零零", "壹叁捌零零壹叁捌零零零", "一三八 零零一三 八零零零", "1三8零0一3捌0〇0",
			"+86 138 0013 8000", "+86-13800138000", "0086 13800138000", "8613800138000", "＋８６ １３８００１３８０００",
			"①③⑧⓪⓪①③⑧⓪⓪⓪" })
	void findsAMobileHoweverItIsWritten(String number) {
		String text = "客户说有事打" + number + "，晚上也行";
		List<SensitiveText.Found> found = SensitiveText.find(text);
		assertThat(found).as(number).hasSize(1);
		assertThat(found.get(0).kind()).isEqualTo(SensitiveText.Kind.PHONE);
		assertThat(found.get(0).value()).isEqualTo("13800138000");
		assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo(number);
	}

	@ParameterizedTest
	@ValueSource(strings = { "021-62345678", "(021)62345678", "（０２１）６２３４５６７８", "0755 8888 6666", "010-12345678-801",
			"400-820-8820", "800 820 8820", "+44 20 7946 0958", "+1 (415) 555-2671", "电话：62345678", "分机 6234 5678",
			"Tel: 6234-5678" })
	void findsLandlinesServiceAndForeignNumbers(String number) {
		List<SensitiveText.Found> found = SensitiveText.find("联系：" + number + "。");
		assertThat(found).as(number).hasSize(1);
		assertThat(found.get(0).kind()).isEqualTo(SensitiveText.Kind.PHONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "boss@client.example", "BOSS@Client.Example", "boss＠client.example",
			"boss ＠ client.example", "boss(at)client.example", "boss [at] client [dot] example",
			"boss（at）client（dot）example", "boss艾特client.example", "boss@client点example", "boss@client。example",
			"boss at client dot example", "ｂｏｓｓ＠ｃｌｉｅｎｔ．ｅｘａｍｐｌｅ", "boss@client . example" })
	void findsAnEMailHoweverItIsWritten(String email) {
		String text = "资料发给" + email + "，谢谢";
		List<SensitiveText.Found> found = SensitiveText.find(text);
		assertThat(found).as(email).hasSize(1);
		assertThat(found.get(0).kind()).isEqualTo(SensitiveText.Kind.EMAIL);
		assertThat(found.get(0).value()).isEqualTo("boss@client.example");
	}

	@ParameterizedTest
	@ValueSource(strings = { "第一次电话沟通，客户关心交期和售后，约定2026-12-05再联系，报价12800元。", "合同金额13,800,000元，首付30%，尾款1,380,000元。",
			"2024年1月15日 13:30 拜访，二〇二四年一月十五日签约。", "预算500万，一三年成立，员工两三百人，三五天内回复。",
			"2024/01/15 14:30:00 到 2024-01-16 09:00", "价格从13.8元降到12.5元，数量 1380 件，单价 0.85。", "我们一起去了三个地方，两家工厂一个仓库。",
			"Meet at the office at 9. Send the deck by email.", "版本 v1.3.8，端口 8080，百分比 13.80%", "经理说下午3点到，带两个样品。",
			"尾号8000的那台设备", "138****5678 已经脱敏", "z***@example.com 也已脱敏" })
	void leavesOrdinaryTextAlone(String text) {
		assertThat(SensitiveText.find(text)).as(text).isEmpty();
	}

	@Test
	void anEMailWhoseMailboxIsANumberIsOneEMail() {
		List<SensitiveText.Found> found = SensitiveText.find("发到13800138000@163.com");
		assertThat(found).singleElement().extracting(SensitiveText.Found::kind).isEqualTo(SensitiveText.Kind.EMAIL);
	}

	@Test
	void anOrderNumberOfPhoneShapeIsTakenForANumberAsTheDetectorSays() {
		assertThat(SensitiveText.find("订单号 DD13800138000")).extracting(SensitiveText.Found::value)
			.containsExactly("13800138000");
		assertThat(SensitiveText.find("订单号 DD2024011500123，合同编号 HT-2024-0115-0086")).isEmpty();
	}

	@Test
	void nothingInNothing() {
		assertThat(SensitiveText.find(null)).isEmpty();
		assertThat(SensitiveText.find("")).isEmpty();
	}

}
