package dev.holdfast.agreement;

/**
 * The text an employee accepted, as a Markdown file to keep: both languages, the version,
 * who accepted it and when.
 */
final class AcceptedText {

	private AcceptedText() {
	}

	static String of(MyAgreement a, String username) {
		StringBuilder text = new StringBuilder();
		text.append("# ").append(a.titleZh()).append(" / ").append(a.titleEn()).append("\n\n");
		text.append("- 版本 Version: ").append(a.number()).append('\n');
		text.append("- 接受人 Accepted by: ").append(username).append('\n');
		text.append("- 接受时间 Accepted at: ").append(a.acceptedAt()).append('\n');
		text.append("- 保密范围 Scope: ").append(a.scope()).append('\n');
		text.append("- 离职后保密期 Term after departure: ").append(a.termMonths()).append(" months\n");
		if (a.nonCompeteText() != null) {
			text.append("- 竞业限制期 Non-compete term: ").append(a.nonCompeteMonths()).append(" months\n");
		}
		text.append("\n## 中文\n\n").append(a.textZh()).append("\n\n## English\n\n").append(a.textEn()).append('\n');
		if (a.nonCompeteText() != null) {
			text.append("\n## 竞业限制 Non-compete\n\n").append(a.nonCompeteText()).append('\n');
		}
		return text.toString();
	}

}
