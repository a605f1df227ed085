package dev.holdfast.provisioning;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.SqlRecordNames;

/**
 * Provisioning tokens for the audit trail, by the name they were given, for those who may
 * manage them.
 */
@Component
class ScimTokenRecordNames extends SqlRecordNames {

	ScimTokenRecordNames(JdbcClient jdbc) {
		super(jdbc, "scim_token", Source.of("t.name", "scim_token t", "t").listed());
	}

	@Override
	protected Visible visible() {
		return Visible.when(Permission.ROLE_MANAGE.isHeld());
	}

}
