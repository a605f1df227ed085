package dev.holdfast.evidence;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;
import dev.holdfast.shared.web.FormPage;

/**
 * The evidence page: the form that builds a package, and the caller's packages with their
 * hashes and downloads.
 */
@Controller
class EvidenceController {

	private final EvidencePackages packages;

	private final HoldfastClock clock;

	EvidenceController(EvidencePackages packages, HoldfastClock clock) {
		this.packages = packages;
		this.clock = clock;
	}

	@GetMapping("/evidence")
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	String page(Model model) {
		return evidencePage(null, Map.of(), model);
	}

	@PostMapping("/evidence")
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	@FormPage("evidencePage")
	String build(EvidenceForm form, RedirectAttributes redirect) {
		EvidencePackageView built = this.packages.build(form);
		redirect.addFlashAttribute("flash", "evidence.built");
		redirect.addFlashAttribute("builtId", built.id());
		return "redirect:/evidence";
	}

	/**
	 * Asks the administrators for a package with contact data in full; once another one
	 * approves, the request is listed with a button that builds it.
	 */
	@PostMapping("/evidence/unmasked-requests")
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	@FormPage("evidencePage")
	String askUnmasked(EvidenceForm form, String reason, RedirectAttributes redirect) {
		this.packages.askUnmasked(form, reason);
		redirect.addFlashAttribute("flash", "evidence.unmaskedAsked");
		return "redirect:/evidence";
	}

	@GetMapping("/evidence/{id}/file")
	@RequiresPermission(Permission.EVIDENCE_BUILD)
	ResponseEntity<byte[]> file(@PathVariable long id) {
		return EvidenceApi.attachment(this.packages.download(id));
	}

	private String evidencePage(EvidenceForm form, Map<String, String> errors, Model model) {
		model.addAttribute("subjects", this.packages.subjects());
		model.addAttribute("packages", this.packages.mine());
		model.addAttribute("unmaskedRequests", this.packages.unmaskedRequests());
		model.addAttribute("form", form != null ? form
				: new EvidenceForm(null, this.clock.today().minusDays(90), this.clock.today(), "zh"));
		model.addAttribute("errors", errors);
		return "evidence/index";
	}

}
