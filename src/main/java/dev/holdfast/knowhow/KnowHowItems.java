package dev.holdfast.knowhow;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;

/**
 * The library's tables. Searches only see what has not been withdrawn; the text search
 * narrows by the bigram GIN index first (two-character Chinese words), then checks the
 * words with {@code like}, as the customer search does.
 */
@Component
class KnowHowItems {

	private static final String COLUMNS = "i.id, i.title, i.lesson, i.tags, i.descriptor, i.industry, i.customer_level,"
			+ " i.stage, i.kinds, i.published_at, (select count(*) from knowhow_step s where s.item_id = i.id) as steps";

	private final JdbcClient jdbc;

	KnowHowItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(KnowHowSummary item, List<KnowHowStep> steps, String searchText, long customerId, long publisher) {
		long id = this.jdbc.sql("""
				insert into knowhow_item (title, lesson, tags, descriptor, industry, customer_level, stage, kinds,
				    search_text, source_customer_id, published_by)
				values (:title, :lesson, string_to_array(:tags, chr(31)), :descriptor, :industry, :level, :stage,
				    string_to_array(:kinds, chr(31)), :search, :customer, :publisher)
				returning id""")
			.param("title", item.title())
			.param("lesson", item.lesson())
			.param("tags", String.join("\u001f", item.tags()))
			.param("descriptor", item.descriptor())
			.param("industry", item.industry())
			.param("level", item.level())
			.param("stage", item.stage())
			.param("kinds", String.join("\u001f", item.kinds()))
			.param("search", searchText)
			.param("customer", customerId)
			.param("publisher", publisher)
			.query(Long.class)
			.single();
		for (KnowHowStep step : steps) {
			this.jdbc.sql("""
					insert into knowhow_step (item_id, position, day, kind, content)
					values (:item, :position, :day, :kind, :content)""")
				.param("item", id)
				.param("position", step.position())
				.param("day", step.day())
				.param("kind", step.kind())
				.param("content", step.content())
				.update();
		}
		return id;
	}

	PageResult<KnowHowSummary> search(KnowHowQuery query, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder("i.withdrawn_at is null");
		if (query.industry() != null) {
			where.append(" and lower(i.industry) = lower(:industry)");
			params.put("industry", query.industry());
		}
		if (query.kind() != null) {
			where.append(" and i.kinds @> array[cast(:kind as text)]");
			params.put("kind", query.kind());
		}
		if (query.stage() != null) {
			where.append(" and i.stage = :stage");
			params.put("stage", query.stage());
		}
		if (query.q() != null) {
			if (query.q().codePointCount(0, query.q().length()) >= 2) {
				where.append(" and text_bigrams(i.search_text) @> text_bigrams(:q)");
				params.put("q", query.q());
			}
			where.append(" and lower(i.search_text) like :pattern");
			params.put("pattern", "%" + escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%");
		}
		long total = this.jdbc.sql("select count(*) from knowhow_item i where " + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<KnowHowSummary> items = this.jdbc
			.sql("select " + COLUMNS + " from knowhow_item i where " + where
					+ " order by i.published_at desc, i.id desc limit :limit offset :offset")
			.params(params)
			.query(KnowHowItems::summary)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	Optional<KnowHowDetails> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from knowhow_item i where i.id = :id and i.withdrawn_at is null")
			.param("id", id)
			.query(KnowHowItems::summary)
			.optional()
			.map(summary -> new KnowHowDetails(summary, steps(id)));
	}

	/** The industries in the library, for choosing one. */
	List<String> industries() {
		return this.jdbc.sql("""
				select distinct industry from knowhow_item where withdrawn_at is null and industry is not null
				order by industry limit 200""").query(String.class).list();
	}

	/** Who published an item that is still in the library. */
	Optional<Long> publisher(long id) {
		return this.jdbc.sql("select published_by from knowhow_item where id = :id and withdrawn_at is null")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	/** Whether an item that was still in the library has now been withdrawn. */
	boolean withdraw(long id, long by) {
		return this.jdbc.sql("""
				update knowhow_item set withdrawn_at = now(), withdrawn_by = :by
				where id = :id and withdrawn_at is null""").param("id", id).param("by", by).update() == 1;
	}

	private List<KnowHowStep> steps(long id) {
		return this.jdbc
			.sql("select position, day, kind, content from knowhow_step where item_id = :id order by position")
			.param("id", id)
			.query(KnowHowStep.class)
			.list();
	}

	private static KnowHowSummary summary(ResultSet rs, int row) throws SQLException {
		return new KnowHowSummary(rs.getLong("id"), rs.getString("title"), rs.getString("lesson"),
				strings(rs.getArray("tags")), rs.getString("descriptor"), rs.getString("industry"),
				rs.getString("customer_level"), rs.getString("stage"), strings(rs.getArray("kinds")),
				rs.getInt("steps"), rs.getTimestamp("published_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : new ArrayList<>(List.of((String[]) array.getArray()));
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
