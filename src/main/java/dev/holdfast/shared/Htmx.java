package dev.holdfast.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whether a page request came from htmx and wants only a fragment. A history restore (the
 * back button after htmx changed the address) wants the whole page.
 */
public final class Htmx {

	private Htmx() {
	}

	/**
	 * True when the fragment should be rendered; marks the response as varying by the
	 * header, so that a cached fragment is never shown as a page.
	 */
	public static boolean wantsFragment(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Vary", "HX-Request");
		return request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null
				&& request.getHeader("HX-Boosted") == null;
	}

}
