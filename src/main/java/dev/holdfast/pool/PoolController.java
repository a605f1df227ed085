package dev.holdfast.pool;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The pool page: the customers of the pools the caller may see, with filters and a claim
 * button each, and a rep's own customers about to return.
 */
@Controller
class PoolController {

	private static final int PAGE_SIZE = 20;

	private final PoolCustomers customers;

	private final PoolClaims claims;

	private final MessageSource messages;

	PoolController(PoolCustomers customers, PoolClaims claims, MessageSource messages) {
		this.customers = customers;
		this.claims = claims;
		this.messages = messages;
	}

	@GetMapping("/pool")
	@RequiresPermission(anyOf = { Permission.POOL_ASSIGN, Permission.CUSTOMER_CLAIM })
	String page(@RequestParam(required = false) Long poolId, @RequestParam(required = false) String level,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		PageRequest paging = new PageRequest(Math.max(page, 0), PAGE_SIZE);
		List<PoolCustomerView> rows = this.customers.list(poolId, level, q, paging);
		model.addAttribute("rows", rows);
		model.addAttribute("page", paging.page());
		model.addAttribute("hasNext", rows.size() == PAGE_SIZE);
		model.addAttribute("poolId", poolId);
		model.addAttribute("level", level);
		model.addAttribute("q", q);
		model.addAttribute("canClaim", Permission.CUSTOMER_CLAIM.isHeld());
		if (Htmx.wantsFragment(request, response)) {
			return "pool/page :: results";
		}
		model.addAttribute("pools", this.customers.visiblePools());
		model.addAttribute("levels", List.of("A", "B", "C", "D"));
		model.addAttribute("warnings", Permission.CUSTOMER_CLAIM.isHeld() ? this.customers.warnings() : List.of());
		return "pool/page";
	}

	/**
	 * Claims from the page: htmx swaps the customer's card for the outcome; a plain form
	 * post goes to the claimed customer, or back to the pool with the reason it failed.
	 */
	@PostMapping("/pool/customers/{id}/claim")
	@AnyEmployee
	@FormPage(value = "claimRefused", refusals = ConflictException.class)
	String claim(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		boolean fragment = Htmx.wantsFragment(request, response);
		model.addAttribute("customerId", id);
		this.claims.claim(id);
		if (fragment) {
			return "pool/page :: claimed";
		}
		redirect.addFlashAttribute("flash", "pool.claimed");
		return "redirect:/customers/" + id;
	}

	/**
	 * The claim refused (for the web error advice): the reason in place of the card, or
	 * back to the pool with it.
	 */
	private String claimRefused(long id, ConflictException refusal, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		String message = this.messages.getMessage("pool.error." + refusal.error(), null, refusal.getMessage(),
				LocaleContextHolder.getLocale());
		if (Htmx.wantsFragment(request, response)) {
			model.addAttribute("customerId", id);
			model.addAttribute("message", message);
			return "pool/page :: refused";
		}
		redirect.addFlashAttribute("flashError", message);
		return "redirect:/pool";
	}

}
