package dev.holdfast.pool;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.web.Htmx;

/**
 * Returning a customer to the pool (退回公海) from the customer page: the section with the
 * form for its owner or a manager over them ({@link PoolReturns#mayReturn}), and the
 * form's post, the same service call as {@code POST
 * /api/v1/customers/{id}/return-to-pool}.
 */
@Controller
class PoolReturnController {

	private final PoolReturns returns;

	private final CustomerVisibility visibility;

	PoolReturnController(PoolReturns returns, CustomerVisibility visibility) {
		this.returns = returns;
		this.visibility = visibility;
	}

	/**
	 * The section; nothing for someone who may not return the customer (htmx drops the
	 * placeholder).
	 */
	@GetMapping("/customers/{customerId}/pool-return")
	@AnyEmployee
	String section(@PathVariable long customerId, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		this.visibility.requireVisible(customerId);
		model.addAttribute("customerId", customerId);
		model.addAttribute("canReturn", this.returns.mayReturn(customerId));
		if (Htmx.wantsFragment(request, response)) {
			return "pool/return :: return";
		}
		// a page of its own holds nothing else: the form is open
		model.addAttribute("standalone", true);
		return "pool/return";
	}

	@PostMapping("/customers/{customerId}/return-to-pool")
	@AnyEmployee
	@FormPage("returnAgain")
	String returnToPool(@PathVariable long customerId, ReturnForm form, RedirectAttributes redirect) {
		this.returns.returnToPool(customerId, form.reason());
		redirect.addFlashAttribute("flash", "pool.return.done");
		return "redirect:/pool";
	}

	/**
	 * The section again with the form open, what was typed and the messages (422, 409).
	 */
	private String returnAgain(long customerId, ReturnForm form, Map<String, String> errors, Model model) {
		model.addAttribute("customerId", customerId);
		model.addAttribute("canReturn", true);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "pool/return";
	}

}
