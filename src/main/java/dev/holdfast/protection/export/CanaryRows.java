package dev.holdfast.protection.export;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.holdfast.customer.Masking;
import dev.holdfast.shared.HoldfastClock;

/**
 * Filling in a canary's row of an export: its made-up values, shown as the export shows
 * contact data, where it stands and what time it carries.
 */
final class CanaryRows {

	private static final List<String> DISTRICTS = List.of("高新区", "经济开发区", "工业园区", "新区", "开发区", "城区");

	private static final List<String> ROADS = List.of("建设路", "人民路", "解放路", "中山路", "和平路", "长江路", "黄河路", "新华路", "工业大道",
			"科技路", "创业路", "学府路", "滨江路", "东风路");

	private static final List<String> HONORIFICS = List.of("经理", "总", "工", "主任", "主管");

	private CanaryRows() {
	}

	/**
	 * The made-up values, shown as the export shows contact data; a field the real row
	 * left empty stays empty.
	 */
	static void fill(Map<ExportColumn, String> values, ExportCanary canary, boolean unmasked, Random random) {
		values.put(ExportColumn.CUSTOMER, canary.customerName());
		replace(values, ExportColumn.CONTACT, canary.contactName(), unmasked);
		replace(values, ExportColumn.PHONE, canary.phone(), unmasked);
		replace(values, ExportColumn.EMAIL, canary.email(), unmasked);
		replace(values, ExportColumn.WECHAT, canary.wechat(), unmasked);
		String address = values.get(ExportColumn.ADDRESS);
		if (address != null && !address.isEmpty()) {
			String city = Masking.address(address).replace("****", "");
			replace(values, ExportColumn.ADDRESS,
					city + pick(DISTRICTS, random) + pick(ROADS, random) + (1 + random.nextInt(600)) + "号", unmasked);
		}
		if (values.containsKey(ExportColumn.CONTENT)) {
			values.put(ExportColumn.CONTENT, CanaryFollowUps.content(values.get(ExportColumn.FOLLOW_UP_KIND),
					canary.contactName().substring(0, 1) + pick(HONORIFICS, random), random));
		}
	}

	private static void replace(Map<ExportColumn, String> values, ExportColumn column, String value, boolean unmasked) {
		String shown = values.get(column);
		if (shown != null && !shown.isEmpty()) {
			values.put(column, unmasked ? value : ExportTables.masked(column, value));
		}
	}

	/** Where a real row could stand: for contacts, not among one customer's contacts. */
	static int position(ExportLayout layout, List<List<String>> rows, Random random) {
		if (layout != ExportLayout.CONTACTS) {
			return random.nextInt(rows.size() + 1);
		}
		int customer = layout.indexOf(ExportColumn.CUSTOMER);
		List<Integer> between = new ArrayList<>(List.of(0, rows.size()));
		for (int i = 1; i < rows.size(); i++) {
			if (!rows.get(i - 1).get(customer).equals(rows.get(i).get(customer))) {
				between.add(i);
			}
		}
		return between.get(random.nextInt(between.size()));
	}

	/**
	 * A time between those of the rows it stands between (rows are newest first), in the
	 * company's zone like theirs.
	 */
	static void time(ExportLayout layout, Map<ExportColumn, String> values, List<List<String>> rows, int at,
			Random random, HoldfastClock clock) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.zone());
		for (ExportColumn column : layout.columns()) {
			if (!column.time()) {
				continue;
			}
			int c = layout.indexOf(column);
			try {
				Instant newer = at > 0 ? parse(rows.get(at - 1).get(c), format) : clock.now();
				Instant older = at < rows.size() ? parse(rows.get(at).get(c), format)
						: newer.minusSeconds(3 * 24 * 3600);
				long minutes = Math.max(0, (newer.getEpochSecond() - older.getEpochSecond()) / 60);
				values.put(column,
						format.format(older.plusSeconds(60 * (minutes == 0 ? 0 : random.nextLong(minutes + 1)))));
			}
			catch (DateTimeParseException ex) {
				// a real row without a time: the neighbour's stays
			}
		}
	}

	private static Instant parse(String time, DateTimeFormatter format) {
		return ZonedDateTime.parse(time, format).toInstant();
	}

	private static String pick(List<String> from, Random random) {
		return from.get(random.nextInt(from.size()));
	}

}
