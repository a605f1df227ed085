package dev.holdfast.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Small real files of each kind, as Excel and phones in China write them. The fuzzing
 * corpus under {@code src/test/resources/dev/holdfast/imports} was seeded from these
 * ({@link #main}).
 */
final class ImportFixtures {

	static final Charset GBK = Charset.forName("GBK");

	private ImportFixtures() {
	}

	/**
	 * What Excel in China saves as "CSV (逗号分隔)": GBK, CRLF, a required marker, a trailing
	 * comma.
	 */
	static byte[] gbkCsv() {
		return ("""
				*客户名称,联系人,手机号,邮箱,级别,业务员,跟进内容,跟进时间,备注,
				深圳星河贸易有限公司,李娜,13912345678,lina@xinghe-trade.cn,A,张伟,电话沟通采购需求,2026-03-02,老客户介绍,
				,,,,,,,,,
				杭州云栖科技有限公司,王芳,138 0013 8000,wangfang@yunqi.cn,B,刘洋,"上门拜访，""确认""报价",2026-03-05,,
				""".replace("\n", "\r\n")).getBytes(GBK);
	}

	static byte[] bomSemicolonCsv() {
		byte[] text = "客户名称;电话;地址\n成都天府软件园有限公司;028-85123456;四川省成都市高新区天府大道1号\n".getBytes(StandardCharsets.UTF_8);
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] all = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, all, 0, bom.length);
		System.arraycopy(text, 0, all, bom.length, text.length);
		return all;
	}

	/**
	 * A two-row header: 客户名称 and 级别 merged down over both rows, 联系人 merged across 姓名 and
	 * 手机; three customers, a blank row, and a total row at the bottom.
	 */
	static byte[] mergedHeaderXlsx() {
		return mergedHeaderXlsx(Arrays.asList(new Object[] { "广州珠江实业有限公司", "陈静", "13600001111", "A", 120000 },
				new Object[] { "南京紫金物流有限公司", "赵磊", 13700002222L, "B", 80000 }, null,
				new Object[] { "武汉长江电子有限公司", "孙丽", "15900003333", "C", 50000 }));
	}

	/**
	 * The same header over the given rows (客户名称, 姓名, 手机, 级别, 年销售额; null: a blank row),
	 * then a total row.
	 */
	static byte[] mergedHeaderXlsx(List<Object[]> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("客户清单");
			row(sheet, 0, "客户名称", "联系人", "", "级别", "年销售额");
			row(sheet, 1, "", "姓名", "手机", "", "");
			sheet.addMergedRegion(CellRangeAddress.valueOf("A1:A2"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("B1:C1"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("D1:D2"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("E1:E2"));
			int index = 2;
			for (Object[] values : rows) {
				if (values != null) {
					row(sheet, index, values);
				}
				index++;
			}
			row(sheet, index, "合计", "", "", "", 250000);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			if (values[i] instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (!"".equals(values[i])) {
				row.createCell(i).setCellValue((String) values[i]);
			}
		}
	}

	/**
	 * Two vCard 3.0 cards: the first with three phones and two e-mails, as an iPhone
	 * exports them.
	 */
	static byte[] vcard30() {
		return """
				BEGIN:VCARD
				VERSION:3.0
				N:周;杰;;;
				FN:周杰
				ORG:上海浦江机械有限公司;采购部
				TITLE:采购总监
				TEL;TYPE=CELL:139 1234 5678
				TEL;TYPE=WORK,VOICE:021-62345678
				TEL;TYPE=HOME:021-58889999
				EMAIL;TYPE=WORK:zhoujie@pujiang-jx.cn
				EMAIL;TYPE=HOME:zhoujie@163.com
				ADR;TYPE=WORK:;;徐汇区漕溪北路88号;上海市;上海;200030;中国
				NOTE:展会认识，对数控机床感兴趣
				END:VCARD
				BEGIN:VCARD
				VERSION:3.0
				FN:吴敏
				TEL;TYPE=CELL:13812345678
				TEL;TYPE=CELL:15012345678
				END:VCARD
				""".replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A vCard 2.1 card from an Android phone in China: quoted-printable UTF-8 with a
	 * charset parameter.
	 */
	static byte[] vcard21QuotedPrintable() {
		return """
				BEGIN:VCARD
				VERSION:2.1
				N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E9=83=91;=E5=BC=BA;;;
				FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E9=83=91=E5=BC=BA
				ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=8E=A6=E9=97=A8=E9=B9=AD=E6=B1=9F=E8=8C=B6=E4=B8=9A
				TEL;CELL:18612345678
				TEL;WORK:0592-5123456
				END:VCARD
				""".replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] vcard40() {
		return """
				BEGIN:VCARD
				VERSION:4.0
				FN:黄磊
				ORG:重庆山城火锅连锁有限公司
				TEL;TYPE="cell,voice";VALUE=uri:tel:+86-135-1234-5678
				TEL;TYPE=work;VALUE=uri:tel:+86-23-6312-3456
				EMAIL:huanglei@shancheng.cn
				END:VCARD
				""".replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static Path file(Path dir, String name, byte[] content) {
		try {
			return Files.write(dir.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Seeds the fuzzing corpus:
	 * {@code java -cp … dev.holdfast.imports.ImportFixtures src/test/resources}.
	 */
	public static void main(String[] args) throws IOException {
		Path base = Path.of(args[0], "dev/holdfast/imports/ImportReadersFuzzTestsInputs");
		write(base.resolve("csv"), "gbk.csv", gbkCsv());
		write(base.resolve("csv"), "bom-semicolon.csv", bomSemicolonCsv());
		write(base.resolve("xlsx"), "merged-header.xlsx", mergedHeaderXlsx());
		write(base.resolve("vcard"), "iphone-30.vcf", vcard30());
		write(base.resolve("vcard"), "android-21-qp.vcf", vcard21QuotedPrintable());
		write(base.resolve("vcard"), "v40.vcf", vcard40());
	}

	private static void write(Path dir, String name, byte[] content) throws IOException {
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), content);
	}

}
