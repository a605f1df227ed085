package dev.holdfast.knowhow;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

	private final Redaction redaction = new Redaction("上海华东精密机械有限公司", "某制造业A级客户", List.of("张伟", "李晓红"),
			Map.of("zw_sh2020", Redaction.WECHAT, "上海市闵行区莘庄工业区春东路508号", Redaction.ADDRESS));

	@Test
	void removesPhoneNumbersOfEveryShape() {
		String text = redaction.apply("打了13812345678没人接，改打座机021-62345678，总机(0755)8888 6666，"
				+ "手机 139-1234-5678，+86 13712345678，客服400-820-8820，分机：62345678。预算500万。");
		assertThat(text).doesNotContain("13812345678", "62345678", "8888 6666", "139-1234-5678", "13712345678",
				"820-8820");
		assertThat(text).contains(Redaction.PHONE).contains("预算500万");
	}

	@Test
	void removesEmailsWechatAndAddresses() {
		String text = redaction.apply("把报价发到zhang.wei@example.com，加了微信号：zw_sh2020，另一个微信 lxh-88888，"
				+ "下周去上海市闵行区莘庄工业区春东路508号拜访，样品寄到浦东新区张江路123号5栋。");
		assertThat(text).doesNotContain("zhang.wei", "example.com", "zw_sh2020", "lxh-88888", "春东路508号", "张江路123号");
		assertThat(text).contains(Redaction.EMAIL, Redaction.WECHAT, Redaction.ADDRESS, "拜访");
	}

	@Test
	void replacesTheCustomerAndItsContactsWithLabels() {
		String text = redaction.apply("上海华东精密机械有限公司的张伟说华东精密今年扩产，张总让我找李晓红，小李（晓红）负责采购，" + "另外精密机械的王总也在。");
		assertThat(text).doesNotContain("华东精密", "张伟", "张总", "李晓红", "晓红", "小李");
		assertThat(text).contains("某制造业A级客户的联系人甲", "联系人乙");
	}

	@Test
	void replacesOtherPeopleNamedByTitle() {
		String text = redaction.apply("陈经理介绍了王总，王总认可总价，采购总量不变，提高总体效率。");
		assertThat(text).isEqualTo("[联系人]介绍了[联系人]，[联系人]认可总价，采购总量不变，提高总体效率。");
	}

	@ParameterizedTest
	@ValueSource(strings = { "一三八零零一三八零零零", "幺三八〇〇幺三八〇〇〇", "壹叁捌零零壹叁捌零零零", "一三八两两三三四四五五", "138_0013_8000",
			"138-0013-8000", "138 0013 8000", "138.0013.8000", "１３８００１３８０００", "+86 138 0013 8000" })
	void removesDisguisedMobiles(String number) {
		String text = redaction.apply("私下联系他：" + number + "，别说是我给的");
		assertThat(text).isEqualTo("私下联系他：" + Redaction.PHONE + "，别说是我给的");
	}

	@ParameterizedTest
	@ValueSource(strings = { "boss＠client.example", "boss(at)client.example", "boss [at] client [dot] example",
			"ｂｏｓｓ＠ｃｌｉｅｎｔ．ｅｘａｍｐｌｅ", "boss艾特client点example" })
	void removesDisguisedEMails(String email) {
		assertThat(redaction.apply("报价发" + email + "就行")).isEqualTo("报价发" + Redaction.EMAIL + "就行");
	}

	@Test
	void removesAFullWidthWechatId() {
		assertThat(redaction.apply("加微信：ｌｘｈ＿８８８８８")).doesNotContain("８８８８８", "88888").contains(Redaction.WECHAT);
	}

	@Test
	void leavesOrdinaryTextAlone() {
		for (String text : List.of("第一次电话沟通，客户关心交期和售后，约定2026-12-05再联系，报价12800元。",
				"合同金额13,800,000元，二〇二六年一月十五日签约，一三年成立，员工两三百人。", "价格从13.8元降到12.5元，下午3点到，带两个样品。")) {
			assertThat(redaction.apply(text)).isEqualTo(text);
		}
	}

}
