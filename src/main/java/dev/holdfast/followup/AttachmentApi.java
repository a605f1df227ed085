package dev.holdfast.followup;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.holdfast.shared.AnyEmployee;

/**
 * Files on follow-ups: create the follow-up first, then send each file as the multipart
 * part {@code file}. Downloads answer 404 to whoever may not see the customer.
 */
@RestController
@RequestMapping("/api/v1")
class AttachmentApi {

	private final FollowUpAttachments attachments;

	AttachmentApi(FollowUpAttachments attachments) {
		this.attachments = attachments;
	}

	// the part is optional here so that an outsider is told 404 before anything about the
	// request itself; a missing file is then a 400 from the check
	@PostMapping(path = "/follow-ups/{id}/attachments",
			consumes = { MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE })
	@AnyEmployee
	@ResponseStatus(HttpStatus.CREATED)
	AttachmentView attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file) {
		List<Upload> uploads = (file == null) ? List.of() : List.of(Upload.of(file));
		return this.attachments.attach(id, uploads, "file").get(0);
	}

	@GetMapping("/follow-ups/{id}/attachments")
	@AnyEmployee
	List<AttachmentView> list(@PathVariable long id) {
		return this.attachments.list(id);
	}

	@GetMapping("/attachments/{id}")
	@AnyEmployee
	ResponseEntity<byte[]> download(@PathVariable long id) {
		return this.attachments.download(id, false).toResponse();
	}

	@GetMapping("/attachments/{id}/thumbnail")
	@AnyEmployee
	ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
		return this.attachments.download(id, true).toResponse();
	}

}
