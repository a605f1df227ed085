package dev.holdfast.customer.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.customer.BroughtIn;
import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.customer.OwnerChangeView;
import dev.holdfast.customer.RevisionView;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.web.Htmx;

/**
 * The history of a customer and its contacts, with a restore button for those who may
 * restore, and the changes of its owner among them (who, when, from whom to whom and
 * why); for a customer brought in from before Holdfast, also when and by whom it was
 * brought in and the owner it was given ({@link CustomerManagement#broughtIn}). Loaded
 * into the customer page on demand, or shown as a page of its own.
 */
@Controller
@RequestMapping("/customers/{customerId}/history")
class CustomerHistoryController {

	private final CustomerManagement customers;

	private final ContactManagement contacts;

	CustomerHistoryController(CustomerManagement customers, ContactManagement contacts) {
		this.customers = customers;
		this.contacts = contacts;
	}

	@GetMapping
	@AnyEmployee
	String history(@PathVariable long customerId, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		List<RevisionView> revisions = this.customers.history(customerId);
		List<HistoryEntry> entries = entries(revisions, this.customers.ownerChanges(customerId));
		model.addAttribute("entries", entries);
		model.addAttribute("currentRevisions", currentStates(revisions));
		model.addAttribute("customerId", customerId);
		BroughtIn broughtIn = this.customers.broughtIn(customerId).orElse(null);
		model.addAttribute("broughtIn", broughtIn);
		model.addAttribute("broughtInBefore", broughtIn == null ? null : olderThan(entries, broughtIn.broughtInAt()));
		if (Htmx.wantsFragment(request, response)) {
			return "customers/history :: revisions";
		}
		model.addAttribute("customer", this.customers.get(customerId));
		return "customers/history";
	}

	/**
	 * The revisions and the owner changes in one timeline, newest first (an owner change
	 * before the revision its edit or transfer left at the same moment).
	 */
	private static List<HistoryEntry> entries(List<RevisionView> revisions, List<OwnerChangeView> ownerChanges) {
		List<HistoryEntry> entries = new ArrayList<>();
		revisions.forEach(r -> entries.add(new HistoryEntry(r, null)));
		ownerChanges.forEach(o -> entries.add(new HistoryEntry(null, o)));
		entries.sort(Comparator.comparing(HistoryEntry::at).reversed().thenComparing(e -> e.ownerChange() == null));
		return entries;
	}

	/**
	 * The first entry (newest first) older than the moment the customer was brought in,
	 * as its {@link HistoryEntry#key()}, before which that moment is shown; null: after
	 * them all.
	 */
	private static String olderThan(List<HistoryEntry> newestFirst, Instant at) {
		return newestFirst.stream().filter(e -> e.at().isBefore(at)).findFirst().map(HistoryEntry::key).orElse(null);
	}

	/** The newest revision of each record is its present state: nothing to restore. */
	private static Set<String> currentStates(List<RevisionView> newestFirst) {
		Set<String> records = new HashSet<>();
		Set<String> current = new HashSet<>();
		for (RevisionView revision : newestFirst) {
			if (records.add(revision.entity() + ":" + revision.entityId())) {
				current.add(revision.entity() + ":" + revision.id());
			}
		}
		return current;
	}

	@PostMapping("/{revisionId}/restore")
	@AnyEmployee
	String restore(@PathVariable long customerId, @PathVariable long revisionId, @RequestParam String entity,
			RedirectAttributes redirect) {
		if ("contact".equals(entity)) {
			this.contacts.restore(customerId, revisionId);
		}
		else {
			this.customers.restore(customerId, revisionId);
		}
		redirect.addFlashAttribute("flash", "history.restored");
		return "redirect:/customers/" + customerId;
	}

}
