package dev.holdfast.customer.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

import dev.holdfast.customer.transfer.OldOwnerAccess;
import dev.holdfast.customer.transfer.TransferForm;

/**
 * The transfer fields of the web forms: the old owner's access lasts until the end of
 * {@code expiresOn}, a day of the company's zone.
 */
record TransferInput(Long newOwnerId, OldOwnerAccess oldOwnerAccess,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn, String reason) {

	TransferForm form(ZoneId zone) {
		Instant expiresAt = this.expiresOn == null ? null : this.expiresOn.plusDays(1).atStartOfDay(zone).toInstant();
		return new TransferForm(this.newOwnerId, this.oldOwnerAccess, expiresAt, this.reason);
	}

}
