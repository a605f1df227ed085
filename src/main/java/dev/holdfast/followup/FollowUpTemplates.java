package dev.holdfast.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Follow-up templates: administrators (holding {@code followup.template}) define them,
 * everyone reads them to fill in a follow-up. Never deleted: archived, and every version
 * of the fields is kept for the follow-ups entered with it.
 */
@Service
public class FollowUpTemplates {

	static final TypeReference<List<TemplateField>> FIELDS = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, name, kind, level, fields::text as fields, version, updated_at, archived_at";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final CustomerVisibility visibility;

	private final AuditTrail audit;

	FollowUpTemplates(JdbcClient jdbc, ObjectMapper json, CustomerVisibility visibility, AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.visibility = visibility;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<FollowUpTemplateView> list(boolean withArchived) {
		return this.jdbc
			.sql("select " + COLUMNS + " from follow_up_template where :all or archived_at is null"
					+ " order by archived_at nulls first, kind nulls last, level nulls last, id")
			.param("all", withArchived)
			.query(this::view)
			.list();
	}

	@Transactional(readOnly = true)
	public FollowUpTemplateView get(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from follow_up_template where id = ?")
			.param(id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("template"));
	}

	/**
	 * The template a follow-up of this kind on the customer carries; 404 if not visible.
	 */
	@Transactional(readOnly = true)
	public Optional<FollowUpTemplateView> applicableTo(long customerId, FollowUpKind kind) {
		this.visibility.requireVisible(customerId);
		return applicable(levelOf(customerId), kind);
	}

	/** The most specific active template: kind and level, else kind, else level. */
	Optional<FollowUpTemplateView> applicable(CustomerLevel level, FollowUpKind kind) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from follow_up_template
				where archived_at is null and (kind = :kind or kind is null) and (level = :level or level is null)
				order by kind is not null desc, level is not null desc limit 1""")
			.param("kind", kind == null ? null : kind.name())
			.param("level", level == null ? null : level.name())
			.query(this::view)
			.optional();
	}

	/** The level of a customer the caller may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public CustomerLevel visibleLevelOf(long customerId) {
		this.visibility.requireVisible(customerId);
		return levelOf(customerId);
	}

	/** The customer's level, or empty for a customer the caller may not see. */
	@Transactional(readOnly = true)
	public Optional<CustomerLevel> levelIfVisible(long customerId) {
		if (!this.visibility.accessTo(customerId).canRead()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select level from customer_directory where id = ?")
			.param(customerId)
			.query(CustomerLevel.class)
			.optional();
	}

	CustomerLevel levelOf(long customerId) {
		return this.jdbc.sql("select level from customer_directory where id = ?")
			.param(customerId)
			.query(CustomerLevel.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("customer"));
	}

	@Transactional
	public FollowUpTemplateView create(FollowUpTemplateForm form) {
		Permission.FOLLOWUP_TEMPLATE.require();
		TemplateRules.check(form);
		long id = uniqueTarget(() -> this.jdbc.sql("""
				insert into follow_up_template (name, kind, level, fields, created_by, updated_by)
				values (:name, :kind, :level, cast(:fields as jsonb), :me, :me) returning id""")
			.params(params(form))
			.query(Long.class)
			.single());
		saved(id, 1, form, AuditAction.FOLLOW_UP_TEMPLATE_CREATED);
		return get(id);
	}

	@Transactional
	public FollowUpTemplateView update(long id, FollowUpTemplateForm form) {
		Permission.FOLLOWUP_TEMPLATE.require();
		FollowUpTemplateView current = get(id);
		if (current.archived()) {
			throw new ConflictException("archived", "an archived template can't be changed");
		}
		TemplateRules.check(form);
		Map<String, Object> params = params(form);
		params.put("id", id);
		uniqueTarget(() -> this.jdbc
			.sql("""
					update follow_up_template set name = :name, kind = :kind, level = :level, fields = cast(:fields as jsonb),
					       version = version + 1, updated_at = now(), updated_by = :me where id = :id""")
			.params(params)
			.update());
		saved(id, current.version() + 1, form, AuditAction.FOLLOW_UP_TEMPLATE_CHANGED);
		return get(id);
	}

	@Transactional
	public FollowUpTemplateView archive(long id) {
		Permission.FOLLOWUP_TEMPLATE.require();
		get(id);
		this.jdbc.sql("""
				update follow_up_template set archived_at = now(), archived_by = ?
				where id = ? and archived_at is null""").params(CurrentEmployee.id(), id).update();
		this.audit.record(AuditAction.FOLLOW_UP_TEMPLATE_ARCHIVED, "follow_up_template", id, Map.of());
		return get(id);
	}

	private void saved(long id, int version, FollowUpTemplateForm form, AuditAction action) {
		this.jdbc.sql("""
				insert into follow_up_template_version (template_id, version, fields, saved_by)
				values (?, ?, cast(? as jsonb), ?)""")
			.params(id, version, this.json.writeValueAsString(form.fields()), CurrentEmployee.id())
			.update();
		this.audit.record(action, "follow_up_template", id, Map.of("version", version, "fields", form.fields().size()));
	}

	private Map<String, Object> params(FollowUpTemplateForm form) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("name", form.name().strip());
		params.put("kind", form.kind() == null ? null : form.kind().name());
		params.put("level", form.level() == null ? null : form.level().name());
		params.put("fields", this.json.writeValueAsString(form.fields()));
		params.put("me", CurrentEmployee.id());
		return params;
	}

	private static <T> T uniqueTarget(java.util.function.Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("template_exists",
					"an active template for this kind and level exists; change or archive it");
		}
	}

	private FollowUpTemplateView view(ResultSet rs, int row) throws SQLException {
		List<TemplateField> fields = this.json.readValue(rs.getString("fields"), FIELDS)
			.stream()
			.sorted(java.util.Comparator.comparingInt(TemplateField::order))
			.toList();
		Timestamp archived = rs.getTimestamp("archived_at");
		return new FollowUpTemplateView(rs.getLong("id"), rs.getString("name"),
				rs.getString("kind") == null ? null : FollowUpKind.valueOf(rs.getString("kind")),
				rs.getString("level") == null ? null : CustomerLevel.valueOf(rs.getString("level")), fields,
				rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
				archived == null ? null : archived.toInstant());
	}

}
