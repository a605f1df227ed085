package dev.holdfast.followup;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Attachments for the signed-in browser (the REST API takes bearer tokens only): the
 * thumbnails in the timeline and the full files they link to, under the same visibility
 * and audit as the API.
 */
@Controller
class AttachmentController {

	private final FollowUpAttachments attachments;

	AttachmentController(FollowUpAttachments attachments) {
		this.attachments = attachments;
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id) {
		return this.attachments.download(id, false).toResponse();
	}

	@GetMapping("/attachments/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
		return this.attachments.download(id, true).toResponse();
	}

}
