package dev.holdfast.audit;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTests {

	private static final String PREVIOUS = "a".repeat(64);

	private static final Instant AT = Instant.parse("2026-11-27T08:00:00.123456Z");

	private final ChainedFields event = new ChainedFields(AT, 42L, "zhang.san", "CUSTOMER_UPDATED", "customer", "7",
			"10.0.0.1", "Mozilla/5.0", "{\"fields\":\"name\"}");

	@Test
	void theHashIsAStableSha256InHex() {
		String hash = AuditChain.hash(PREVIOUS, this.event);

		assertThat(hash).matches("[0-9a-f]{64}");
		assertThat(AuditChain.hash(PREVIOUS, copy(this.event))).isEqualTo(hash);
		assertThat(AuditChain.GENESIS).isEqualTo("0".repeat(64));
	}

	@Test
	void changingAnyFieldChangesTheHash() {
		ChainedFields e = this.event;
		List<ChainedFields> variants = List.of(
				new ChainedFields(AT.plusNanos(1000), e.actorId(), e.actorUsername(), e.action(), e.targetType(),
						e.targetId(), e.clientIp(), e.userAgent(), e.details()),
				new ChainedFields(AT, 43L, e.actorUsername(), e.action(), e.targetType(), e.targetId(), e.clientIp(),
						e.userAgent(), e.details()),
				new ChainedFields(AT, e.actorId(), "li.si", e.action(), e.targetType(), e.targetId(), e.clientIp(),
						e.userAgent(), e.details()),
				new ChainedFields(AT, e.actorId(), e.actorUsername(), "CUSTOMER_ARCHIVED", e.targetType(), e.targetId(),
						e.clientIp(), e.userAgent(), e.details()),
				new ChainedFields(AT, e.actorId(), e.actorUsername(), e.action(), "contact", e.targetId(), e.clientIp(),
						e.userAgent(), e.details()),
				new ChainedFields(AT, e.actorId(), e.actorUsername(), e.action(), e.targetType(), "8", e.clientIp(),
						e.userAgent(), e.details()),
				new ChainedFields(AT, e.actorId(), e.actorUsername(), e.action(), e.targetType(), e.targetId(),
						"10.0.0.2", e.userAgent(), e.details()),
				new ChainedFields(AT, e.actorId(), e.actorUsername(), e.action(), e.targetType(), e.targetId(),
						e.clientIp(), "curl/8", e.details()),
				new ChainedFields(AT, e.actorId(), e.actorUsername(), e.action(), e.targetType(), e.targetId(),
						e.clientIp(), e.userAgent(), "{\"fields\":\"phone\"}"));
		Set<String> hashes = new HashSet<>();
		hashes.add(AuditChain.hash(PREVIOUS, e));
		hashes.add(AuditChain.hash("b".repeat(64), e));

		variants.forEach(variant -> hashes.add(AuditChain.hash(PREVIOUS, variant)));

		assertThat(hashes).hasSize(variants.size() + 2);
	}

	@Test
	void nullAndEmptyDiffer() {
		ChainedFields withNull = new ChainedFields(AT, null, null, "LOGIN_FAILED", "username", "x", null, null, "{}");
		ChainedFields withEmpty = new ChainedFields(AT, null, "", "LOGIN_FAILED", "username", "x", null, null, "{}");
		ChainedFields emptyAgent = new ChainedFields(AT, null, null, "LOGIN_FAILED", "username", "x", null, "", "{}");

		assertThat(AuditChain.hash(PREVIOUS, withNull)).isNotEqualTo(AuditChain.hash(PREVIOUS, withEmpty))
			.isNotEqualTo(AuditChain.hash(PREVIOUS, emptyAgent));
	}

	@Test
	void textCannotMoveBetweenFields() {
		ChainedFields left = new ChainedFields(AT, 1L, "ab", "c", "t", "1", null, null, "{}");
		ChainedFields right = new ChainedFields(AT, 1L, "a", "bc", "t", "1", null, null, "{}");
		ChainedFields separator = new ChainedFields(AT, 1L, "a|1:b", "c", "t", "1", null, null, "{}");
		ChainedFields shifted = new ChainedFields(AT, 1L, "a", "b|1:c", "t", "1", null, null, "{}");

		assertThat(AuditChain.hash(PREVIOUS, left)).isNotEqualTo(AuditChain.hash(PREVIOUS, right));
		assertThat(AuditChain.hash(PREVIOUS, separator)).isNotEqualTo(AuditChain.hash(PREVIOUS, shifted));
	}

	@Test
	void anActorIdIsNotTheSameAsAnUnknownActor() {
		ChainedFields known = new ChainedFields(AT, 0L, null, "X", null, null, null, null, "{}");
		ChainedFields unknown = new ChainedFields(AT, null, null, "X", null, null, null, null, "{}");

		assertThat(AuditChain.hash(PREVIOUS, known)).isNotEqualTo(AuditChain.hash(PREVIOUS, unknown));
	}

	private static ChainedFields copy(ChainedFields f) {
		return new ChainedFields(Instant.parse(f.occurredAt().toString()), Long.valueOf(f.actorId()),
				new String(f.actorUsername()), new String(f.action()), f.targetType(), f.targetId(), f.clientIp(),
				f.userAgent(), f.details());
	}

}
