package dev.holdfast.followup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * The template fields of follow-ups: checked against the template that applies when a
 * follow-up is recorded, stored with the template's id and version, and read back with
 * the labels of that version.
 */
@Component
class FollowUpFieldValues {

	private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final FollowUpTemplates templates;

	private final HoldfastClock clock;

	FollowUpFieldValues(JdbcClient jdbc, ObjectMapper json, FollowUpTemplates templates, HoldfastClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.json = json;
		this.templates = templates;
	}

	/** Checks the values against the customer's template for the kind (400 if wrong). */
	TemplateValues fill(long customerId, FollowUpKind kind, Map<String, ?> fields) {
		FollowUpTemplateView template = this.templates.applicable(this.templates.levelOf(customerId), kind)
			.orElse(null);
		return TemplateValues.check(template, fields, this.clock.zone());
	}

	void store(long followUpId, TemplateValues values) {
		if (values.template() == null) {
			return;
		}
		this.jdbc.sql("""
				update follow_up set template_id = ?, template_version = ?, fields = cast(? as jsonb) where id = ?""")
			.params(values.template().id(), values.template().version(), this.json.writeValueAsString(values.values()),
					followUpId)
			.update();
	}

	/** The views with their template fields, where they have any. */
	List<FollowUpView> attach(List<FollowUpView> views) {
		Map<Long, FollowUpFields> fields = of(views.stream().map(FollowUpView::id).toList());
		return fields.isEmpty() ? views
				: views.stream().map(v -> fields.containsKey(v.id()) ? v.withFields(fields.get(v.id())) : v).toList();
	}

	FollowUpView attach(FollowUpView view) {
		return attach(List.of(view)).get(0);
	}

	private Map<Long, FollowUpFields> of(Collection<Long> followUpIds) {
		Map<Long, FollowUpFields> found = new HashMap<>();
		if (followUpIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select f.id, f.template_id, f.template_version, f.fields::text as vals, v.fields::text as defs
				from follow_up f
				join follow_up_template_version v on v.template_id = f.template_id and v.version = f.template_version
				where f.id in (:ids) and f.fields is not null""").param("ids", followUpIds).query(rs -> {
			Map<String, Object> values = this.json.readValue(rs.getString("vals"), VALUES);
			List<FollowUpFields.Value> shown = new ArrayList<>();
			this.json.readValue(rs.getString("defs"), FollowUpTemplates.FIELDS)
				.stream()
				.sorted(java.util.Comparator.comparingInt(TemplateField::order))
				.filter(d -> values.containsKey(d.key()))
				.forEach(d -> shown
					.add(new FollowUpFields.Value(d.key(), d.labelZh(), d.labelEn(), values.get(d.key()))));
			found.put(rs.getLong("id"),
					new FollowUpFields(rs.getLong("template_id"), rs.getInt("template_version"), shown));
		});
		return found;
	}

}
