package dev.holdfast.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Versions of agreements for the audit trail: "保密协议 · 第 2 版". */
@Component
class VersionRecordNames extends AgreementRecordNames {

	private final MessageSource messages;

	VersionRecordNames(JdbcClient jdbc, MessageSource messages) {
		super(jdbc, "agreement_version", Source.of("a.title_zh, a.title_en, v.number",
				"agreement_version v join agreement a on a.id = v.agreement_id", "v"));
		this.messages = messages;
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		return super.name(row) + " · " + this.messages.getMessage("agreement.version", new Object[] { row.getInt(4) },
				LocaleContextHolder.getLocale());
	}

}
