package dev.holdfast.audit;

/**
 * What an archived month says of itself ({@code audit-manifest.json}, its last entry):
 * the month, the part of the chain it holds (the places after {@code fromSeq} up to
 * {@code toSeq}, the first following {@code fromHash}, the last with {@code headHash}),
 * how many events that is, and how many of the month's partition it replaced.
 *
 * @param format 1
 * @param month the month archived, {@code yyyy-MM} (UTC)
 * @param fromSeq the place the archive starts after (the head of the month archived
 * before, or 0)
 * @param fromHash the hash at that place (the genesis for 0)
 * @param toSeq the place of its last event
 * @param headHash the hash of its last event: the online chain goes on from it
 * @param events events the archive holds
 * @param monthEvents events the month's partition held
 * @param createdAt when it was written
 */
record AuditArchiveManifest(int format, String month, long fromSeq, String fromHash, long toSeq, String headHash,
		long events, long monthEvents, String createdAt) {
}
