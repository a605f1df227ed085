package dev.holdfast.followup;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.web.FormPage;
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

	AttachmentController(FollowUpAttachments attachments, FollowUpManagement followUps) {
		this.attachments = attachments;
		this.followUps = followUps;
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
	@FormPage(value = "filesRefused", refusals = InvalidInputException.class)
	String add(@PathVariable long customerId, @PathVariable long followUpId,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		// 404 unless the follow-up is this customer's and the caller may see it
		this.followUps.find(customerId, followUpId);
		List<Upload> uploads = (files == null) ? List.of() : files.stream().map(Upload::of).toList();
		this.attachments.attach(followUpId, uploads, "files");
		redirect.addFlashAttribute("flash", "attachments.added");
		return "redirect:/customers/" + customerId;
	}

	/** Back to the follow-up's page with why the files were refused (for the advice). */
	private String filesRefused(long customerId, long followUpId, Map<String, String> errors,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError", errors.get("files"));
		return "redirect:/customers/" + customerId + "/follow-ups/" + followUpId;
	}

}
