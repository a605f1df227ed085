package dev.holdfast.knowhow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.Permission;
import dev.holdfast.shared.SqlRecordNames;

/**
 * Entries of the know-how library for the audit trail, by title, for those who may read
 * the library.
 */
@Component
class KnowHowRecordNames extends SqlRecordNames {

	KnowHowRecordNames(JdbcClient jdbc) {
		super(jdbc, "knowhow", Source.of("k.title", "knowhow_item k", "k"));
	}

	@Override
	protected Visible visible() {
		return Visible.when(Permission.KNOWHOW_PUBLISH.isHeld() || Permission.FOLLOWUP_CREATE.isHeld());
	}

}
