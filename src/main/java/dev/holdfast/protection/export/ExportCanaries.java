package dev.holdfast.protection.export;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import net.datafaker.Faker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.protection.canary.CanaryNames;

/**
 * Mixes the canary rows into an export, from a generator seeded by the export id. A
 * canary takes everything that does not tell one customer from another (kind, level,
 * status, industry, region, owner, title, author, kind of follow-up, which fields are
 * empty) from a real row of the same export, so it matches the export's filter and looks
 * like its rows; it makes up its names in that row's style (containing the name filter),
 * and its phone and e-mail come from the ranges the company controls. It stands where a
 * real row could: in time order, and between two customers' contacts, never among one
 * customer's.
 */
@Component
class ExportCanaries {

	private static final Logger log = LoggerFactory.getLogger(ExportCanaries.class);

	private final JdbcClient jdbc;

	private final ExportProperties.Canary properties;

	private final HoldfastClock clock;

	ExportCanaries(JdbcClient jdbc, ExportProperties properties, HoldfastClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.properties = properties.canary();
		if (this.properties.placeholders()) {
			log.warn("holdfast.protection.canary uses built-in phone ranges or e-mail domains, which the company does "
					+ "not control: set phone-ranges and email-domains before relying on canary hits");
		}
	}

	/**
	 * How many canaries an export of these real rows gets: none in an empty one or one
	 * that looks up a single phone or e-mail (no made-up row could match it), otherwise
	 * the configured number but never more than the real rows.
	 */
	int count(int realRows, CustomerQuery query) {
		return byContact(query) ? 0 : Math.min(this.properties.perExport(), realRows);
	}

	ExportTable mixIn(long exportId, ExportLayout layout, ExportTable table, CustomerQuery query, boolean unmasked) {
		return mixIn(exportId, layout, table, query, unmasked, canary -> stored(exportId, canary));
	}

	/**
	 * The canaries of a table that is no export, made up exactly as an export's but kept
	 * nowhere: the warm-up runs the generator through this.
	 */
	ExportTable rehearse(ExportLayout layout, ExportTable table) {
		return mixIn(0, layout, table, CustomerQuery.all(), false, canary -> true);
	}

	/** {@code keep} stores a canary, false when its phone or e-mail is taken. */
	private ExportTable mixIn(long exportId, ExportLayout layout, ExportTable table, CustomerQuery query,
			boolean unmasked, Predicate<ExportCanary> keep) {
		List<List<String>> real = table.rows();
		int count = count(real.size(), query);
		Random random = new Random(exportId * 7919L + 17L);
		Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, random);
		Set<String> taken = new HashSet<>();
		real.forEach(row -> taken.add(row.get(layout.indexOf(ExportColumn.CUSTOMER)).toLowerCase(Locale.ROOT)));
		List<List<String>> rows = new ArrayList<>(real);
		for (int i = 0; i < count; i++) {
			Map<ExportColumn, String> values = values(layout, neighbour(layout, real, random));
			String name = CanaryNames.customer(values.get(ExportColumn.CUSTOMER), query.q(),
					values.get(ExportColumn.REGION), taken, random, faker);
			if (name == null) {
				continue;
			}
			taken.add(name.toLowerCase(Locale.ROOT));
			ExportCanary canary = canary(name, random, faker, keep);
			CanaryRows.fill(values, canary, unmasked, random);
			int at = CanaryRows.position(layout, rows, random);
			CanaryRows.time(layout, values, rows, at, random, this.clock);
			rows.add(at, layout.row(values));
		}
		return table.withRows(rows);
	}

	/**
	 * A real row to look like: one with a phone if the layout has phones and any has one.
	 */
	private static List<String> neighbour(ExportLayout layout, List<List<String>> real, Random random) {
		int phone = layout.indexOf(ExportColumn.PHONE);
		List<List<String>> withPhone = phone < 0 ? List.of()
				: real.stream().filter(row -> !row.get(phone).isEmpty()).toList();
		List<List<String>> from = withPhone.isEmpty() ? real : withPhone;
		return from.get(random.nextInt(from.size()));
	}

	private static Map<ExportColumn, String> values(ExportLayout layout, List<String> row) {
		Map<ExportColumn, String> values = new EnumMap<>(ExportColumn.class);
		for (int c = 0; c < row.size(); c++) {
			values.put(layout.columns().get(c), row.get(c));
		}
		return values;
	}

	/** A canary whose phone and e-mail no earlier canary has, kept by {@code keep}. */
	private ExportCanary canary(String customerName, Random random, Faker faker, Predicate<ExportCanary> keep) {
		for (int tries = 0; tries < 1000; tries++) {
			String mailbox = CanaryNames.mailbox(random);
			ExportCanary canary = new ExportCanary(customerName, CanaryNames.person(random, faker),
					this.properties.phone(random), this.properties.email(random, mailbox),
					"wx" + mailbox.replace(".", "_"));
			if (keep.test(canary)) {
				return canary;
			}
		}
		throw new IllegalStateException("the canary phone ranges " + this.properties.phoneRanges() + " are used up");
	}

	/**
	 * Stores the canary with the export, unless a canary already has its phone or e-mail.
	 */
	private boolean stored(long exportId, ExportCanary canary) {
		return this.jdbc.sql("""
				insert into export_canary (export_id, customer_name, contact_name, phone_normalized, email)
				select :export, :customer, :contact, :phone, :email
				where not exists (select 1 from personal_canary p where p.phone_normalized = :phone or p.email = :email)
				on conflict do nothing""")
			.param("export", exportId)
			.param("customer", canary.customerName())
			.param("contact", canary.contactName())
			.param("phone", canary.phone())
			.param("email", canary.email())
			.update() == 1;
	}

	private static boolean byContact(CustomerQuery query) {
		String q = query.q() == null ? "" : query.q().strip();
		// as the customer search reads q: an exact phone or e-mail, else a name
		return q.matches("[+\\d][\\d\\s-]{6,}") || q.contains("@");
	}

}
