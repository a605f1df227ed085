package dev.holdfast.followup;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The bytes of an attachment with what the browser needs to save or show them: the
 * original name (RFC 5987, so Chinese names survive), the type found on upload, and no
 * sniffing. Pictures are shown in the browser; documents are always saved.
 */
record Download(String fileName, String mediaType, boolean image, byte[] bytes) {

	ResponseEntity<byte[]> toResponse() {
		ContentDisposition disposition = (this.image ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(this.fileName, StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(this.mediaType))
			.contentLength(this.bytes.length)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(this.bytes);
	}

}
