package dev.holdfast.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The attachment rows. The id is taken before the row is written, because the encrypted
 * bytes are bound to it.
 */
@Repository
class Attachments {

	private static final String COLUMNS = """
			id, follow_up_id, customer_id, object_key, thumbnail_key, file_name, media_type, size_bytes, sha256,
			uploaded_by, uploaded_at""";

	private final JdbcClient jdbc;

	Attachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One stored attachment: what the row holds. */
	record Stored(long id, long followUpId, long customerId, String objectKey, String thumbnailKey, String fileName,
			String mediaType, long sizeBytes, byte[] sha256, long uploadedBy, Instant uploadedAt) {

		AttachmentView toView() {
			AttachmentType type = AttachmentType.ofMediaType(this.mediaType);
			return new AttachmentView(this.id, this.followUpId, this.fileName, this.mediaType, this.sizeBytes,
					type != null && type.image(), this.thumbnailKey != null, this.uploadedBy, this.uploadedAt);
		}

	}

	private static Stored row(ResultSet rs, int rowNumber) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getLong("follow_up_id"), rs.getLong("customer_id"),
				rs.getString("object_key"), rs.getString("thumbnail_key"), rs.getString("file_name"),
				rs.getString("media_type"), rs.getLong("size_bytes"), rs.getBytes("sha256"), rs.getLong("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

	long nextId() {
		return this.jdbc.sql("select nextval(pg_get_serial_sequence('follow_up_attachment', 'id'))")
			.query(Long.class)
			.single();
	}

	void insert(Stored row) {
		this.jdbc.sql("insert into follow_up_attachment (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.followUpId(), row.customerId(), row.objectKey(), row.thumbnailKey(), row.fileName(),
					row.mediaType(), row.sizeBytes(), row.sha256(), row.uploadedBy(), Timestamp.from(row.uploadedAt()))
			.update();
	}

	Optional<Stored> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from follow_up_attachment where id = ?")
			.param(id)
			.query(Attachments::row)
			.optional();
	}

	List<Stored> ofFollowUp(long followUpId) {
		return this.jdbc.sql("select " + COLUMNS + " from follow_up_attachment where follow_up_id = ? order by id")
			.param(followUpId)
			.query(Attachments::row)
			.list();
	}

	/** The attachments of a page of follow-ups, by follow-up id. */
	Map<Long, List<AttachmentView>> ofFollowUps(Collection<Long> followUpIds) {
		if (followUpIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from follow_up_attachment where follow_up_id in (:ids) order by id")
			.param("ids", followUpIds)
			.query(Attachments::row)
			.list()
			.stream()
			.map(Stored::toView)
			.collect(Collectors.groupingBy(AttachmentView::followUpId));
	}

}
