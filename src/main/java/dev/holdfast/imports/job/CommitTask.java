package dev.holdfast.imports.job;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import dev.holdfast.followup.FollowUpKind;
import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportRow;
import dev.holdfast.imports.RowContent;
import dev.holdfast.imports.store.StoredRow;

/**
 * One import being committed: whose, read through which mapping, with which choices.
 *
 * @param columnNames the file's column names as the importer read them when committing (a
 * vCard's in their language), which label the contacts of a row with several phones
 * ({@link RowContent#contacts()})
 */
record CommitTask(long importId, long importerId, ColumnMapping mapping, ImportChoices choices,
		List<String> columnNames) {

	CommitTask {
		columnNames = List.copyOf(columnNames);
	}

	/** A row's content as the commit writes it. */
	RowContent content(StoredRow row) {
		return RowContent.of(this.mapping, new ImportRow(row.number(), row.cells()), this.columnNames);
	}

	String source() {
		return "import:" + this.importId;
	}

	/**
	 * The owner of a row: the one it names, else the importer's choice (null: the pool).
	 */
	Long ownerOf(StoredRow row) {
		if (row.ownerId() != null) {
			return row.ownerId();
		}
		return switch (this.choices.owner()) {
			case ME -> this.importerId;
			case EMPLOYEE -> this.choices.ownerId();
			case POOL -> null;
		};
	}

	/** When a row's history began: its follow-up's date, never later than now. */
	static Instant since(RowContent content, ZoneId zone, Instant now) {
		return instant(content.followUpAt(), zone, now);
	}

	static Instant instant(LocalDateTime at, ZoneId zone, Instant now) {
		if (at == null) {
			return now;
		}
		Instant instant = at.atZone(zone).toInstant();
		return instant.isAfter(now) ? now : instant;
	}

	/** How a follow-up happened, from the words people write in the column. */
	static FollowUpKind kind(String text) {
		String kind = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		if (kind.contains("电话") || kind.contains("call") || kind.contains("phone")) {
			return FollowUpKind.CALL;
		}
		if (kind.contains("拜访") || kind.contains("上门") || kind.contains("visit")) {
			return FollowUpKind.VISIT;
		}
		if (kind.contains("微信") || kind.contains("wechat")) {
			return FollowUpKind.WECHAT;
		}
		if (kind.contains("邮件") || kind.contains("mail")) {
			return FollowUpKind.EMAIL;
		}
		if (kind.contains("会") || kind.contains("meeting")) {
			return FollowUpKind.MEETING;
		}
		return FollowUpKind.OTHER;
	}

}
