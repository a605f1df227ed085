package dev.holdfast.protection.export;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the preparation of an export stands, each step committed on its own so that the
 * export page sees it while the file is still being written in a transaction that commits
 * only at the end. A step never moves an export that is no longer in progress.
 */
@Component
class ExportProgress {

	private final JdbcClient jdbc;

	ExportProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void preparing(long id) {
		this.jdbc.sql("update export_request set status = 'PREPARING' where id = :id and status = 'QUEUED'")
			.param("id", id)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void total(long id, int rows) {
		this.jdbc.sql("update export_request set rows_total = :rows where id = :id and status = 'PREPARING'")
			.param("rows", rows)
			.param("id", id)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void written(long id, int rows) {
		this.jdbc.sql("update export_request set rows_written = :rows where id = :id and status = 'PREPARING'")
			.param("rows", rows)
			.param("id", id)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(long id) {
		this.jdbc
			.sql("update export_request set status = 'FAILED' where id = :id and status in ('QUEUED', 'PREPARING')")
			.param("id", id)
			.update();
	}

}
