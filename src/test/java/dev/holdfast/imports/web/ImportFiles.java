package dev.holdfast.imports.web;

import java.nio.charset.Charset;

import dev.holdfast.TestData;

/**
 * The files the import's web tests upload: what Excel in China saves as "CSV (逗号分隔)", GBK
 * with Chinese headers, plus a column of a unique name, so that a mapping corrected in
 * one test is not remembered for another's file.
 */
final class ImportFiles {

	static final Charset GBK = Charset.forName("GBK");

	private ImportFiles() {
	}

	/**
	 * Four customers: a new one, one whose phone is not a number, the first again, and
	 * {@code existing} (a customer of the company already). The last column, a sales
	 * region named {@code 片区} and a number, is not a header the automatic mapping knows.
	 */
	static GbkCsv gbkCsv(String existing) {
		String fresh = TestData.unique("深圳星河贸易") + "有限公司";
		String invalid = TestData.unique("杭州云栖科技") + "有限公司";
		String region = TestData.unique("片区");
		String phone = TestData.uniqueMobile();
		String text = String.join("\r\n", "*客户名称,联系人,手机号,级别," + region, fresh + ",李娜," + phone + ",A,华南",
				invalid + ",王芳,12345,B,华东", fresh + ",李娜," + phone + ",A,华南",
				existing + ",赵磊," + TestData.uniqueMobile() + ",C,华南", "");
		return new GbkCsv(text.getBytes(GBK), fresh, invalid);
	}

	/** The file and the names of its new and its invalid customer. */
	record GbkCsv(byte[] bytes, String fresh, String invalid) {
	}

}
