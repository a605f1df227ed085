package dev.holdfast.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;

/**
 * Records an upload refused before a preview exists ({@code IMPORT_REFUSED}): a file of
 * another format, too large, unreadable or without rows, a mapping refused, or an
 * importer who may not import (serving notice, no permission). The facts are the file's
 * name, the field and the refusal's reason, never a cell. In a transaction of its own:
 * the refused call rolls back, its record must not.
 */
@Component
class ImportRefusals {

	private final AuditTrail audit;

	ImportRefusals(AuditTrail audit) {
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(String fileName, RuntimeException refusal) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("fileName", fileName);
		if (refusal instanceof InvalidInputException invalid) {
			facts.put("fields", String.join(",", invalid.fields().keySet()));
			facts.put("reason",
					invalid.fields()
						.entrySet()
						.stream()
						.map(e -> e.getKey() + ": " + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		else if (refusal instanceof ForbiddenException forbidden) {
			facts.put("reason", forbidden.code());
		}
		this.audit.record(AuditAction.IMPORT_REFUSED, "import", null, facts);
	}

}
