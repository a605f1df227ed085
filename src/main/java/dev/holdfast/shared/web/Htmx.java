package dev.holdfast.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whether a page request came from htmx and wants only a fragment. A history restore (the
 * back button after htmx changed the address) wants the whole page. Redirects and errors
 * answered to htmx are rewritten in one place (the system module's response filter), so
 * that htmx never swaps a whole page into a part of one.
 */
public final class Htmx {

	/** Sent by htmx with every request it makes. */
	public static final String REQUEST = "HX-Request";

	/** Sent by htmx when it reloads a page from the server for the back button. */
	public static final String HISTORY_RESTORE = "HX-History-Restore-Request";

	/** Tells htmx to open this address as a whole page instead of swapping the answer. */
	public static final String REDIRECT = "HX-Redirect";

	/** Tells the page that the login behind an htmx request has ended. */
	public static final String SESSION = "Holdfast-Session";

	/** The value of {@link #SESSION} when the caller must log in again. */
	public static final String SESSION_ENDED = "ended";

	private Htmx() {
	}

	/**
	 * True when the fragment should be rendered; marks the response as varying by the
	 * header, so that a cached fragment is never shown as a page.
	 */
	public static boolean wantsFragment(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Vary", REQUEST);
		return request.getHeader(REQUEST) != null && request.getHeader(HISTORY_RESTORE) == null
				&& request.getHeader("HX-Boosted") == null;
	}

}
