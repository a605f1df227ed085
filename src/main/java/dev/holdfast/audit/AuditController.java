package dev.holdfast.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The audit page for auditors and administrators: search the trail and verify its hash
 * chain. Both need {@code audit.read}, declared here and checked again by the service.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog log;

	private final HoldfastClock clock;

	private final ReadableEvents readable;

	AuditController(AuditLog log, HoldfastClock clock, ReadableEvents readable) {
		this.clock = clock;
		this.log = log;
		this.readable = readable;
	}

	@GetMapping
	@RequiresPermission(Permission.AUDIT_READ)
	String search(@RequestParam(required = false) Long actorId, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) String targetName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		TargetChoice target = TargetChoice.of(this.readable, blankToNull(targetType), blankToNull(targetId),
				blankToNull(targetName));
		AuditQuery query = new AuditQuery(actorId, blankToNull(action), target.type(), target.id(),
				startOf("from", from, 0), startOf("to", to, 1));
		// a name that found no record, or several to choose from, lists no events: the
		// events of every record of that kind would read as its answer
		PageResult<AuditEventView> result = target.unresolved() ? new PageResult<>(List.of(), 0, PAGE_SIZE, 0)
				: this.log.search(query, new PageRequest(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("events", this.readable.of(result.items()));
		model.addAttribute("actions", this.readable.actions());
		model.addAttribute("targetTypes", this.readable.targetTypes());
		model.addAttribute("actors", this.readable.actors());
		model.addAttribute("query", query);
		model.addAttribute("target", target);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("baseUrl",
				UriComponentsBuilder.fromPath("/audit")
					.queryParamIfPresent("actorId", Optional.ofNullable(actorId))
					.queryParamIfPresent("action", Optional.ofNullable(query.action()))
					.queryParamIfPresent("targetType", Optional.ofNullable(query.targetType()))
					.queryParamIfPresent("targetId", Optional.ofNullable(query.targetId()))
					.queryParamIfPresent("targetName", Optional.ofNullable(target.id() == null ? target.name() : null))
					.queryParamIfPresent("from", Optional.ofNullable(from))
					.queryParamIfPresent("to", Optional.ofNullable(to))
					.build()
					.toUriString());
		if (!Htmx.wantsFragment(request, response)) {
			return "audit/events";
		}
		// the filter answers with itself (its record field follows the kind), paging with
		// the results
		return "audit-page".equals(request.getHeader("HX-Target")) ? "audit/events :: page" : "audit/events :: results";
	}

	@GetMapping("/verify")
	@RequiresPermission(Permission.AUDIT_READ)
	String verify(Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("verification", this.log.verify());
		return Htmx.wantsFragment(request, response) ? "audit/verify :: result" : "audit/verify";
	}

	/**
	 * The start of the day {@code days} after the given one. A day outside the years 1 to
	 * 9999 is refused (400) before any arithmetic on it: the day after
	 * {@code +999999999-12-31} does not exist, and the database holds no time before 4713
	 * BC nor after 294276 AD (both were a 500).
	 */
	private Instant startOf(String field, LocalDate day, int days) {
		if (day == null) {
			return null;
		}
		if (day.getYear() < 1 || day.getYear() > 9999) {
			throw new InvalidInputException(field, "must be between the years 1 and 9999");
		}
		return this.clock.startOf(day.plusDays(days));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
