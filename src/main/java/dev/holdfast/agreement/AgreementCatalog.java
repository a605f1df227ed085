package dev.holdfast.agreement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * HR's agreement templates and their versions. Publishing adds a version; nothing
 * published is ever changed (a trigger refuses it too).
 */
@Service
class AgreementCatalog {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final AgreementProperties properties;

	private final AgreementReads reads;

	AgreementCatalog(JdbcClient jdbc, AuditTrail audit, AgreementProperties properties, AgreementReads reads) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
		this.reads = reads;
	}

	static void requireManager() {
		if (!Permission.AGREEMENT_MANAGE.isHeld()) {
			Permission.EMPLOYEE_MANAGE.require();
		}
	}

	@Transactional(readOnly = true)
	public List<AgreementView> list() {
		requireManager();
		return this.reads.all();
	}

	@Transactional(readOnly = true)
	public AgreementView get(long id) {
		requireManager();
		return this.reads.one(id).orElseThrow(() -> new NotFoundException("agreement"));
	}

	@Transactional
	public AgreementView create(AgreementForm form) {
		requireManager();
		long id = this.jdbc.sql("insert into agreement (title_zh, title_en, created_by) values (?, ?, ?) returning id")
			.params(form.titleZh().strip(), form.titleEn().strip(), CurrentEmployee.id())
			.query(Long.class)
			.single();
		List<String> roles = replaceRoles(id, form.roles());
		this.audit.record(AuditAction.AGREEMENT_CREATED, "agreement", id, Map.of("roles", roles));
		return this.reads.one(id).orElseThrow();
	}

	/**
	 * Changes which roles must accept the agreement; holders of a new role must accept
	 * the current version before their next look at customer data.
	 */
	@Transactional
	public AgreementView changeRoles(long id, RolesForm form) {
		get(id);
		this.jdbc.sql("delete from agreement_role where agreement_id = ?").param(id).update();
		this.audit.record(AuditAction.AGREEMENT_ROLES_CHANGED, "agreement", id,
				Map.of("roles", replaceRoles(id, form.roles())));
		return this.reads.one(id).orElseThrow();
	}

	private List<String> replaceRoles(long id, List<String> codes) {
		Set<String> roles = new LinkedHashSet<>(codes);
		List<String> known = this.jdbc.sql("select code from role_directory where code in (:codes)")
			.param("codes", roles)
			.query(String.class)
			.list();
		roles.stream().filter(code -> !known.contains(code)).findFirst().ifPresent(code -> {
			throw new InvalidInputException("roles", "no such role");
		});
		for (String role : roles) {
			this.jdbc.sql("insert into agreement_role (agreement_id, role_code) values (?, ?)")
				.params(id, role)
				.update();
		}
		return List.copyOf(roles);
	}

	@Transactional
	public VersionView publish(long agreementId, VersionForm form) {
		requireManager();
		this.jdbc.sql("select id from agreement where id = ? for update")
			.param(agreementId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("agreement"));
		boolean nonCompete = form.nonCompeteText() != null && !form.nonCompeteText().isBlank();
		if (nonCompete && form.nonCompeteMonths() == null) {
			throw new InvalidInputException("nonCompeteMonths", "a non-compete clause needs its term");
		}
		int number = this.jdbc.sql("select coalesce(max(number), 0) + 1 from agreement_version where agreement_id = ?")
			.param(agreementId)
			.query(Integer.class)
			.single();
		long id = this.jdbc.sql("""
				insert into agreement_version (agreement_id, number, text_zh, text_en, scope, term_months,
				    non_compete_text, non_compete_months, grace_days, published_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(agreementId, number, form.textZh(), form.textEn(), form.scope().strip(),
					form.termMonths() == null ? this.properties.termMonths() : form.termMonths(),
					nonCompete ? form.nonCompeteText().strip() : null, nonCompete ? form.nonCompeteMonths() : null,
					form.graceDays() == null ? this.properties.graceDays() : form.graceDays(), CurrentEmployee.id())
			.query(Long.class)
			.single();
		this.audit.record(AuditAction.AGREEMENT_PUBLISHED, "agreement_version", id,
				Map.of("agreementId", agreementId, "version", number));
		return this.reads.version(id).orElseThrow();
	}

}
