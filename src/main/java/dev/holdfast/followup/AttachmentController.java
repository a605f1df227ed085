package dev.holdfast.followup;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.FormErrors;
import dev.holdfast.shared.InvalidInputException;

/**
 * Attachments for the signed-in browser (the REST API takes bearer tokens only): the
 * thumbnails in the timeline and the full files they link to, under the same visibility
 * and audit as the API, and adding files to one's own follow-up from its correction page.
 */
@Controller
class AttachmentController {

	private final FollowUpAttachments attachments;

	private final FollowUpManagement followUps;

	private final FormErrors formErrors;

	AttachmentController(FollowUpAttachments attachments, FollowUpManagement followUps, FormErrors formErrors) {
		this.attachments = attachments;
		this.followUps = followUps;
		this.formErrors = formErrors;
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

	@PostMapping("/customers/{customerId}/follow-ups/{followUpId}/attachments")
	@AnyEmployee
	String add(@PathVariable long customerId, @PathVariable long followUpId,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		// 404 unless the follow-up is this customer's and the caller may see it
		this.followUps.find(customerId, followUpId);
		List<Upload> uploads = (files == null) ? List.of() : files.stream().map(Upload::of).toList();
		try {
			this.attachments.attach(followUpId, uploads, "files");
			redirect.addFlashAttribute("flash", "attachments.added");
			return "redirect:/customers/" + customerId;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", this.formErrors.of(ex).get("files"));
			return "redirect:/customers/" + customerId + "/follow-ups/" + followUpId;
		}
	}

}
