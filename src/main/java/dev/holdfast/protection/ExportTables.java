package dev.holdfast.protection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.ContactView;
import dev.holdfast.customer.CustomerExportRows;
import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.customer.CustomerSummary;
import dev.holdfast.followup.FollowUpExportRows;
import dev.holdfast.shared.Masking;

/**
 * Turns what the requester may see into the rows of an export, contact data masked unless
 * the export is unmasked, and canaries into rows of the same form.
 */
@Component
class ExportTables {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private static final Map<String, List<String>> COLUMNS = Map.of("customers",
			List.of("客户名称 Customer", "类型 Kind", "级别 Level", "状态 Status", "行业 Industry", "地区 Region", "负责人 Owner",
					"联系人 Contact", "电话 Phone", "邮箱 E-mail", "更新时间 Updated"),
			"contacts",
			List.of("客户名称 Customer", "联系人 Contact", "职务 Title", "电话 Phone", "邮箱 E-mail", "微信 WeChat", "地址 Address"),
			"follow-ups", List.of("客户名称 Customer", "方式 Kind", "内容 Content", "记录人 Author", "时间 Time"));

	private static final Map<String, List<Integer>> IDENTIFYING = Map.of("customers", List.of(0, 7, 8, 9), "contacts",
			List.of(0, 1, 3, 4), "follow-ups", List.of(0));

	private final CustomerExportRows customers;

	private final FollowUpExportRows followUps;

	ExportTables(CustomerExportRows customers, FollowUpExportRows followUps) {
		this.customers = customers;
		this.followUps = followUps;
	}

	ExportTable build(long requesterId, String entity, CustomerQuery query, boolean unmasked, int max) {
		List<CustomerSummary> visible = this.customers.visibleTo(requesterId, query, max);
		Map<Long, String> names = new java.util.HashMap<>();
		visible.forEach(c -> names.put(c.id(), c.name()));
		List<List<String>> rows = new ArrayList<>();
		Masks masks = new Masks(unmasked);
		if (entity.equals("follow-ups")) {
			for (FollowUpExportRows.Row f : this.followUps.of(names.keySet(), max)) {
				rows.add(List.of(names.get(f.customerId()), f.kind(), f.content(), text(f.authorName()),
						TIME.format(f.createdAt())));
			}
			return table(entity, rows);
		}
		Map<Long, List<ContactView>> contacts = this.customers.contactsOf(names.keySet());
		for (CustomerSummary c : visible) {
			List<ContactView> theirs = contacts.getOrDefault(c.id(), List.of());
			if (entity.equals("customers")) {
				ContactView first = theirs.isEmpty() ? null : theirs.get(0);
				rows.add(customerRow(c.name(), c.kind().name(), c.level().name(), c.status().name(), c.industry(),
						c.region(), c.ownerName(), first == null ? null : first.name(),
						masks.phone.apply(first == null ? null : first.phone()),
						masks.email.apply(first == null ? null : first.email()), TIME.format(c.updatedAt())));
			}
			else {
				for (ContactView ct : theirs) {
					if (rows.size() < max) {
						rows.add(List.of(c.name(), ct.name(), text(ct.title()), masks.phone.apply(ct.phone()),
								masks.email.apply(ct.email()), masks.other.apply(ct.wechat()),
								masks.address.apply(ct.address())));
					}
				}
			}
		}
		return table(entity, rows);
	}

	/** A canary in the form of the export's rows, masked as the real rows are. */
	List<String> canaryRow(String entity, ExportCanary canary, boolean unmasked, String person, Instant when) {
		Masks masks = new Masks(unmasked);
		return switch (entity) {
			case "customers" -> customerRow(canary.customerName(), "COMPANY", "B", "FOLLOWING", canary.industry(),
					canary.region(), person, canary.contactName(), masks.phone.apply(canary.phone()),
					masks.email.apply(canary.email()), TIME.format(when));
			case "contacts" -> List.of(canary.customerName(), canary.contactName(), canary.title(),
					masks.phone.apply(canary.phone()), masks.email.apply(canary.email()),
					masks.other.apply(canary.wechat()), masks.address.apply(canary.address()));
			default -> List.of(canary.customerName(), "CALL", "电话沟通，对方" + canary.contactName() + "表示下周安排见面", person,
					TIME.format(when));
		};
	}

	private static List<String> customerRow(String... values) {
		return Arrays.stream(values).map(ExportTables::text).toList();
	}

	private static ExportTable table(String entity, List<List<String>> rows) {
		return new ExportTable(COLUMNS.get(entity), rows, IDENTIFYING.get(entity));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private record Masks(UnaryOperator<String> phone, UnaryOperator<String> email, UnaryOperator<String> other,
			UnaryOperator<String> address) {

		/**
		 * Unmasked, or masked exactly as every other view masks (shared {@link Masking}).
		 */
		Masks(boolean unmasked) {
			this(unmasked ? ExportTables::text : masked(Masking::phone),
					unmasked ? ExportTables::text : masked(Masking::email),
					unmasked ? ExportTables::text : masked(Masking::wechat),
					unmasked ? ExportTables::text : masked(Masking::address));
		}

		private static UnaryOperator<String> masked(UnaryOperator<String> mask) {
			return value -> value == null || value.isBlank() ? "" : mask.apply(value);
		}

	}

}
