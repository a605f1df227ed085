package dev.holdfast.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.SqlRecordNames;

/**
 * Agreements for the audit trail, by their title in the reader's language: every employee
 * reads the agreements they accept.
 */
@Component
class AgreementRecordNames extends SqlRecordNames {

	@Autowired
	AgreementRecordNames(JdbcClient jdbc) {
		this(jdbc, "agreement", Source.of("a.title_zh, a.title_en", "agreement a", "a").listed());
	}

	AgreementRecordNames(JdbcClient jdbc, String type, Source source) {
		super(jdbc, type, source);
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		boolean chinese = Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
		return row.getString(chinese ? 2 : 3);
	}

}
