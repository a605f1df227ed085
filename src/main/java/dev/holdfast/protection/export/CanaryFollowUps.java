package dev.holdfast.protection.export;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a canary's follow-up says: a short note of the kind the real row has, about
 * ordinary sales matters, naming the canary's contact as reps do ({@code 王经理}).
 */
final class CanaryFollowUps {

	private static final Map<String, List<String>> NOTES = Map.of("CALL",
			List.of("电话沟通，%s关心%s，%s", "给%s打电话确认%s，%s", "%s来电询问%s，%s"), "VISIT",
			List.of("上门拜访%s，重点聊了%s，%s", "到客户公司见了%s，现场看了%s，%s"), "WECHAT",
			List.of("微信联系%s，发了%s的资料，%s", "%s微信回复，关心%s，%s"), "EMAIL", List.of("邮件给%s发送了%s，%s", "%s邮件确认%s，%s"), "MEETING",
			List.of("和%s开会讨论%s，%s", "与%s等人视频会议，议题是%s，%s"));

	private static final List<String> TOPICS = List.of("报价", "交期", "付款方式", "样品", "年度采购计划", "售后服务", "合同条款", "新品介绍",
			"框架协议", "价格调整");

	private static final List<String> NEXT = List.of("下周再跟进", "等对方内部审批", "约定月底前回复", "对方还要再比较几家", "先寄样品过去", "下周安排见面",
			"预算还在走流程", "对价格基本认可");

	private CanaryFollowUps() {
	}

	static String content(String kind, String contact, Random random) {
		List<String> notes = NOTES.getOrDefault(kind, List.of("跟进%s，沟通了%s，%s"));
		return String.format(pick(notes, random), contact, pick(TOPICS, random), pick(NEXT, random));
	}

	private static String pick(List<String> from, Random random) {
		return from.get(random.nextInt(from.size()));
	}

}
