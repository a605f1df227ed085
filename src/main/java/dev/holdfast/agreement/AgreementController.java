package dev.holdfast.agreement;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.HoldfastClock;

/**
 * The employee's agreement page: the text of what to accept (in the UI language, the
 * other a click away) with the accept button, and what they accepted, to download.
 */
@FreeOfCustomerData
@Controller
@RequestMapping("/agreements")
class AgreementController {

	private final Acceptances acceptances;

	private final HoldfastClock clock;

	AgreementController(Acceptances acceptances, HoldfastClock clock) {
		this.acceptances = acceptances;
		this.clock = clock;
	}

	@GetMapping
	@AnyEmployee
	String page(@RequestParam(required = false) String reminder, Model model) {
		List<MyAgreement> mine = this.acceptances.mine(this.clock.now());
		model.addAttribute("pending", mine.stream().filter(a -> !a.accepted()).toList());
		model.addAttribute("accepted", mine.stream().filter(MyAgreement::accepted).toList());
		model.addAttribute("blocked", mine.stream().anyMatch(MyAgreement::blocking));
		model.addAttribute("reminder", reminder != null);
		return "agreement/mine";
	}

	@PostMapping("/{versionId}/accept")
	@AnyEmployee
	String accept(@PathVariable long versionId) {
		this.acceptances.accept(versionId);
		return "redirect:/agreements?accepted";
	}

	@GetMapping("/{versionId}/text")
	@AnyEmployee
	ResponseEntity<byte[]> text(@PathVariable long versionId) {
		return AgreementApi.download(this.acceptances.acceptedByCaller(versionId), CurrentEmployee.get().username());
	}

}
