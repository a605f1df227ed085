package dev.holdfast.bench;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The words the large data set builds Chinese names and texts from, as SQL array
 * literals. Company names are city + two brand characters + industry + legal form, e.g.
 * 深圳星河贸易有限公司.
 */
final class ChineseWords {

	static final List<String> CITIES = List.of("北京", "上海", "广州", "深圳", "杭州", "南京", "苏州", "成都", "重庆", "武汉", "西安", "天津",
			"长沙", "郑州", "青岛", "宁波", "厦门", "福州", "合肥", "济南", "沈阳", "大连", "哈尔滨", "长春", "昆明", "贵阳", "南宁", "南昌", "太原",
			"石家庄", "无锡", "常州", "佛山", "东莞", "珠海", "中山", "温州", "绍兴", "嘉兴", "金华", "台州", "烟台", "潍坊", "徐州", "扬州", "南通", "泉州",
			"漳州", "惠州", "江门", "汕头", "洛阳", "襄阳", "宜昌", "株洲", "岳阳", "绵阳", "兰州", "银川", "西宁");

	static final List<String> BRAND_CHARACTERS = List.of("星", "河", "华", "宏", "瑞", "泰", "恒", "信", "达", "兴", "安", "康",
			"嘉", "丰", "盛", "鑫", "源", "通", "远", "腾", "飞", "龙", "凤", "金", "银", "海", "天", "地", "新", "明", "光", "辉", "博",
			"创", "智", "科", "美", "佳", "和", "润", "德", "顺", "福", "祥", "祺", "宇", "航", "旭", "阳", "东", "方", "中", "正", "大",
			"永", "长", "隆", "昌", "茂", "森", "林", "峰", "云", "卓");

	static final List<String> INDUSTRIES = List.of("贸易", "科技", "电子", "机械", "化工", "物流", "建材", "食品", "医药", "纺织", "服饰",
			"家具", "信息技术", "网络科技", "环保", "新能源", "汽车配件", "五金", "包装", "印刷", "农业", "文化传媒", "教育咨询", "餐饮管理");

	static final List<String> LEGAL_FORMS = List.of("有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "发展有限公司");

	static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董",
			"袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "欧阳", "司马");

	static final List<String> GIVEN_CHARACTERS = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
			"杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "建", "文", "辉", "鹏", "宇", "浩",
			"晨", "欣", "怡", "婷", "雪", "琳", "博", "凯", "峰", "鑫", "颖", "佳", "思", "子", "梓", "轩", "涵");

	static final List<String> STREETS = List.of("人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "长江路", "科技园路", "滨江大道", "工业大道",
			"学府路", "朝阳路");

	static final List<String> SOURCES = List.of("展会", "转介绍", "官网", "电话开发", "合作伙伴", "广告", "老客户");

	static final List<String> TITLES = List.of("总经理", "采购经理", "采购主管", "财务总监", "技术负责人", "行政主管", "董事长助理", "项目经理");

	static final List<String> TOPICS = List.of("报价", "样品", "合同条款", "付款进度", "售后问题", "新品介绍", "年度框架协议", "续约", "技术交流",
			"交付进度", "发票", "验厂安排");

	static final List<String> OUTCOMES = List.of("客户表示有兴趣，", "客户需要内部评估，", "对价格有异议，", "已发送资料，", "同意安排拜访，", "决策人出差，");

	static final List<String> NEXT_STEPS = List.of("下周再跟进。", "月底前给出答复。", "安排技术人员上门。", "等待对方采购流程。", "准备修改报价。");

	/**
	 * Mobile prefixes in use on the mainland; with any eight digits after them
	 * libphonenumber accepts the number.
	 */
	static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "134", "135", "136", "137", "138",
			"139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "176", "177", "178", "180", "181",
			"182", "183", "184", "185", "186", "187", "188", "189", "198", "199");

	private ChineseWords() {
	}

	/**
	 * A SQL array literal ready to be subscripted, {@code (array['a','b'])}; the words
	 * are constants, never input.
	 */
	static String sqlArray(List<String> words) {
		return words.stream()
			.map(w -> "'" + w.replace("'", "''") + "'")
			.collect(Collectors.joining(",", "(array[", "])"));
	}

}
