// Holdfast: the little JavaScript the pages need. No inline scripts: the CSP forbids them.
(function () {
	'use strict';

	function meta(name) {
		var element = document.querySelector('meta[name="' + name + '"]');
		return element ? element.getAttribute('content') : null;
	}

	// Every htmx request that changes something carries the CSRF token.
	document.body.addEventListener('htmx:configRequest', function (event) {
		var header = meta('_csrf_header');
		var token = meta('_csrf');
		if (header && token) {
			event.detail.headers[header] = token;
		}
	});

	// An alert above the page: what went wrong with a fragment request.
	function showAlert(text) {
		var main = document.querySelector('main');
		if (!main || document.getElementById('request-error')) {
			return;
		}
		var alert = document.createElement('div');
		alert.id = 'request-error';
		alert.className = 'alert alert-danger';
		alert.setAttribute('role', 'alert');
		alert.textContent = text || meta('request-error') || 'The request failed.';
		main.insertBefore(alert, main.firstChild);
	}

	// A fragment request that failed (403, 404, 500, no network): say so above the page, in
	// the server's words when it sent some (fragments/request-error.html).
	function showRequestError(event) {
		var xhr = event.detail && event.detail.xhr;
		var text = null;
		if (xhr && xhr.responseText && /text\/html/.test(xhr.getResponseHeader('Content-Type') || '')) {
			var answer = new DOMParser().parseFromString(xhr.responseText, 'text/html').getElementById('request-error');
			text = answer ? answer.textContent.trim() : null;
		}
		showAlert(text);
	}
	document.body.addEventListener('htmx:responseError', showRequestError);
	document.body.addEventListener('htmx:sendError', function () {
		showAlert(null);
	});
	document.body.addEventListener('htmx:beforeRequest', function (event) {
		var alert = document.getElementById('request-error');
		if (alert && !isBackground(event.detail)) {
			alert.remove();
		}
	});

	// --- An ended session (the server's filter answers htmx with 401 and Holdfast-Session) ---

	// Polls and loads have no triggering event; they never take the person off the page.
	function isBackground(detail) {
		var trigger = detail && (detail.requestConfig ? detail.requestConfig.triggeringEvent : detail.triggeringEvent);
		return !trigger;
	}

	// The page's CSRF token belongs to the login that ended: fetch a fresh one before the
	// next request that changes something.
	var tokenOutdated = false;

	function refreshToken() {
		return fetch(meta('login-url') || '/login', { credentials: 'same-origin' })
			.then(function (response) {
				return response.text();
			})
			.then(function (html) {
				var page = new DOMParser().parseFromString(html, 'text/html');
				var field = page.querySelector('meta[name="_csrf"], input[name="_csrf"]');
				var token = field && (field.getAttribute('content') || field.getAttribute('value'));
				var current = document.querySelector('meta[name="_csrf"]');
				if (token && current) {
					current.setAttribute('content', token);
					tokenOutdated = false;
				}
			})
			.catch(function () {
				// offline: the request below fails and says so
			});
	}

	document.body.addEventListener('htmx:confirm', function (event) {
		if (!tokenOutdated || isBackground(event.detail)) {
			return;
		}
		event.preventDefault();
		refreshToken().then(function () {
			event.detail.issueRequest(true);
		});
	});

	function markBell() {
		var bell = document.getElementById('nav-notifications');
		if (!bell) {
			return;
		}
		if (!bell.classList.contains('bell-ended')) {
			bell.setAttribute('data-title', bell.getAttribute('title') || '');
			bell.classList.add('bell-ended');
			bell.setAttribute('title', meta('session-bell') || '');
		}
		var count = bell.querySelector('.bell-count');
		if (count) {
			count.innerHTML = '';
			var badge = document.createElement('span');
			badge.className = 'badge rounded-pill text-bg-warning';
			badge.id = 'bell-session-ended';
			badge.textContent = '!';
			count.appendChild(badge);
		}
	}

	function unmarkBell() {
		var bell = document.getElementById('nav-notifications');
		if (bell && bell.classList.contains('bell-ended')) {
			bell.classList.remove('bell-ended');
			bell.setAttribute('title', bell.getAttribute('data-title') || '');
		}
	}

	// Next to the form: the session ended, the text is kept, log in in another tab and
	// submit again (the login page in this tab would throw the form away).
	function showSessionEnded(element) {
		var old = document.getElementById('session-ended');
		if (old) {
			old.remove();
		}
		var notice = document.createElement('div');
		notice.id = 'session-ended';
		notice.className = 'alert alert-warning';
		notice.setAttribute('role', 'alert');
		var text = document.createElement('p');
		text.className = 'mb-2';
		text.textContent = meta('session-ended');
		var link = document.createElement('a');
		link.id = 'session-login';
		link.className = 'btn btn-warning btn-sm';
		link.href = meta('login-url') || '/login';
		link.target = '_blank';
		link.rel = 'noopener';
		link.textContent = meta('session-login');
		var again = document.createElement('span');
		again.className = 'small ms-2';
		again.textContent = meta('session-again');
		notice.append(text, link, again);
		var anchor = (element && element.closest && element.closest('form')) || element;
		if (anchor && anchor.parentNode && document.body.contains(anchor)) {
			anchor.parentNode.insertBefore(notice, anchor);
		}
		else {
			var main = document.querySelector('main');
			if (main) {
				main.insertBefore(notice, main.firstChild);
			}
		}
		notice.scrollIntoView({ block: 'nearest' });
	}

	document.body.addEventListener('htmx:beforeOnLoad', function (event) {
		var xhr = event.detail.xhr;
		var background = isBackground(event.detail);
		if (xhr.getResponseHeader('Holdfast-Session') === 'ended') {
			event.preventDefault();
			tokenOutdated = true;
			markBell();
			if (!background) {
				keepDrafts(event.detail.elt);
				showSessionEnded(event.detail.elt);
			}
			return;
		}
		if (xhr.status === 403) {
			tokenOutdated = true;
		}
		if (background && xhr.getResponseHeader('HX-Redirect')) {
			// a poll never navigates: the next page the person opens goes there anyway
			event.preventDefault();
			return;
		}
		if (xhr.status >= 200 && xhr.status < 300 && !xhr.getResponseHeader('HX-Redirect')) {
			unmarkBell();
			var notice = document.getElementById('session-ended');
			if (notice && !background) {
				notice.remove();
			}
			// a form sent and answered 2xx was saved (errors come back as 422)
			if (!background && event.detail.requestConfig.verb !== 'get') {
				clearDrafts(event.detail.elt);
			}
		}
	});

	// --- Drafts: textareas with data-draft keep what is typed in this browser until saved ---

	var DRAFTS = 'holdfast.draft.';
	var DRAFT_DAYS = 7;

	function draftKey(field) {
		return DRAFTS + (meta('draft-owner') || '') + '.' + field.getAttribute('data-draft');
	}

	function readDraft(key) {
		try {
			var draft = JSON.parse(window.localStorage.getItem(key));
			return draft && typeof draft.text === 'string' ? draft : null;
		}
		catch (e) {
			return null;
		}
	}

	function writeDraft(key, text, submitted) {
		try {
			if (text) {
				window.localStorage.setItem(key, JSON.stringify({ text: text, at: Date.now(), submitted: submitted }));
			}
			else {
				window.localStorage.removeItem(key);
			}
		}
		catch (e) {
			// storage full or disabled: the form still works, without a draft
		}
	}

	function draftFields(root) {
		if (!root || !root.querySelectorAll) {
			return [];
		}
		var fields = Array.prototype.slice.call(root.querySelectorAll('textarea[data-draft]'));
		if (root.matches && root.matches('textarea[data-draft]')) {
			fields.push(root);
		}
		return fields;
	}

	function formOf(element) {
		return element && element.closest ? element.closest('form') || element : element;
	}

	function clearDrafts(element) {
		draftFields(formOf(element)).forEach(function (field) {
			writeDraft(draftKey(field), '', false);
		});
	}

	function keepDrafts(element) {
		draftFields(formOf(element)).forEach(function (field) {
			writeDraft(draftKey(field), field.value, false);
		});
	}

	function restoreDrafts(root) {
		draftFields(root).forEach(function (field) {
			var draft = readDraft(draftKey(field));
			if (!draft || field.value.trim()) {
				return;
			}
			if (Date.now() - draft.at > DRAFT_DAYS * 86400000) {
				writeDraft(draftKey(field), '', false);
				return;
			}
			field.value = draft.text;
			writeDraft(draftKey(field), draft.text, false);
			if (!field.parentNode.querySelector('.draft-restored')) {
				var note = document.createElement('div');
				note.className = 'form-text text-warning-emphasis draft-restored';
				note.textContent = meta('draft-restored');
				field.insertAdjacentElement('afterend', note);
			}
		});
	}

	document.addEventListener('input', function (event) {
		var field = event.target;
		if (field.matches && field.matches('textarea[data-draft]')) {
			writeDraft(draftKey(field), field.value, false);
		}
	});

	// A plain form post (not htmx) leaves the page: its drafts are marked sent, and
	// dropped when the next page confirms a save (#flash), kept otherwise.
	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (form.id === 'logout-form') {
			forgetAllDrafts();
			return;
		}
		if (!form.hasAttribute('hx-post')) {
			draftFields(form).forEach(function (field) {
				writeDraft(draftKey(field), field.value, true);
			});
		}
	});

	function forgetAllDrafts() {
		var prefix = DRAFTS + (meta('draft-owner') || '') + '.';
		try {
			Object.keys(window.localStorage)
				.filter(function (key) {
					return key.indexOf(prefix) === 0;
				})
				.forEach(function (key) {
					window.localStorage.removeItem(key);
				});
		}
		catch (e) {
			// nothing stored
		}
	}

	function dropSentDrafts() {
		var prefix = DRAFTS + (meta('draft-owner') || '') + '.';
		try {
			Object.keys(window.localStorage).forEach(function (key) {
				var draft = key.indexOf(prefix) === 0 ? readDraft(key) : null;
				if (draft && draft.submitted) {
					window.localStorage.removeItem(key);
				}
			});
		}
		catch (e) {
			// nothing stored
		}
	}

	if (document.getElementById('flash')) {
		dropSentDrafts();
	}
	restoreDrafts(document.body);
	document.body.addEventListener('htmx:load', function (event) {
		restoreDrafts(event.detail.elt);
	});

	// --- Copy and download (the recovery codes) ---

	function textOf(selector) {
		var source = document.querySelector(selector);
		if (!source) {
			return '';
		}
		var items = source.querySelectorAll('li');
		var lines = items.length ? Array.prototype.map.call(items, function (item) {
			return item.textContent.trim();
		}) : [source.textContent.trim()];
		return lines.join('\n') + '\n';
	}

	function confirmDone(button) {
		var done = button.getAttribute('data-done');
		if (!done) {
			return;
		}
		var label = button.textContent;
		button.textContent = done;
		window.setTimeout(function () {
			button.textContent = label;
		}, 2000);
	}

	function copyByHand(text) {
		var area = document.createElement('textarea');
		area.value = text;
		area.setAttribute('readonly', '');
		area.className = 'position-fixed top-0 start-0 opacity-0';
		document.body.appendChild(area);
		area.select();
		var copied = document.execCommand('copy');
		area.remove();
		return copied;
	}

	document.addEventListener('click', function (event) {
		var copy = event.target.closest && event.target.closest('[data-copy]');
		if (copy) {
			var text = textOf(copy.getAttribute('data-copy'));
			var copied = navigator.clipboard && window.isSecureContext ? navigator.clipboard.writeText(text)
				: (copyByHand(text) ? Promise.resolve() : Promise.reject());
			copied.then(function () {
				confirmDone(copy);
			}, function () {
				copyByHand(text) && confirmDone(copy);
			});
			return;
		}
		var download = event.target.closest && event.target.closest('[data-download]');
		if (download) {
			var heading = download.getAttribute('data-download-heading');
			var body = (heading ? heading + '\n\n' : '') + textOf(download.getAttribute('data-download'));
			var url = URL.createObjectURL(new Blob([body], { type: 'text/plain;charset=utf-8' }));
			var link = document.createElement('a');
			link.href = url;
			link.download = download.getAttribute('data-filename') || 'holdfast.txt';
			document.body.appendChild(link);
			link.click();
			link.remove();
			window.setTimeout(function () {
				URL.revokeObjectURL(url);
			}, 1000);
			confirmDone(download);
		}
	});

	// Elements with data-confirm ask before their form is sent (no onclick: CSP). A form
	// with a required field left blank is sent without asking: the server answers with the
	// field's message (forms are novalidate), and nothing is done that needs confirming.
	function blankRequired(form) {
		var fields = form.querySelectorAll('[required]');
		for (var i = 0; i < fields.length; i++) {
			if (!fields[i].disabled && String(fields[i].value || '').trim() === '') {
				return true;
			}
		}
		return false;
	}

	document.addEventListener('submit', function (event) {
		var form = event.target;
		var message = form.getAttribute('data-confirm');
		if (message && !blankRequired(form) && !window.confirm(message)) {
			event.preventDefault();
			event.stopImmediatePropagation();
		}
	}, true);

	// A form control with data-autosubmit sends its form when it changes (filters).
	document.addEventListener('change', function (event) {
		var control = event.target;
		if (control.hasAttribute && control.hasAttribute('data-autosubmit') && control.form) {
			control.form.requestSubmit();
		}
	});
})();

// issue 11, item 8: a confirmation shown next to what it confirms (data-scroll-into-view) is brought onto the
// screen once the page has loaded, where a phone would otherwise show some other part of a long page. The page
// after a form's redirect has the form page's address, so the browser would put back the scroll position it had
// there, sometimes after this scroll (CI, stop 21: the page ended 948 px down, the confirmation off the top). So the
// position is not restored on such a page, nor on the page a form leaves (Chrome may treat a redirect back to the
// same address as a reload of that entry), and the scroll is repeated shortly after load unless the person has
// started to scroll or type.
window.addEventListener('submit', function (event) {
	if ((event.target.method || '').toLowerCase() === 'post' && 'scrollRestoration' in history) {
		history.scrollRestoration = 'manual';
	}
});
window.addEventListener('DOMContentLoaded', function () {
	if (document.querySelector('[data-scroll-into-view]') && 'scrollRestoration' in history) {
		history.scrollRestoration = 'manual';
	}
});
window.addEventListener('load', function () {
	var confirmation = document.querySelector('[data-scroll-into-view]');
	if (!confirmation) {
		return;
	}
	var touched = false;
	['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function (kind) {
		window.addEventListener(kind, function () {
			touched = true;
		}, { once: true, passive: true });
	});
	var bring = function () {
		var box = confirmation.getBoundingClientRect();
		if (!touched && (box.top < 0 || box.bottom > window.innerHeight)) {
			confirmation.scrollIntoView({ block: 'center' });
		}
	};
	confirmation.scrollIntoView({ block: 'center' });
	[100, 400, 1000].forEach(function (delay) {
		window.setTimeout(bring, delay);
	});
});

// issue 11 (role walk, h4): a link to one item of a list (a notice's /care-visits#visit-7) opens that item's
// form, which is closed by default (details[data-open-on-target]).
window.addEventListener('DOMContentLoaded', function () {
	var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
	var form = target ? target.querySelector('details[data-open-on-target]') : null;
	if (form) {
		form.open = true;
	}
});

// issue 13 (h2): a control with data-enabled-when="owner=EMPLOYEE" is enabled only while its form's radios named
// owner have that value chosen (the import's employee picker beside "me" and "the pool"). The page renders the
// same state; a disabled control is not sent, and the server ignores it beside another choice anyway.
document.addEventListener('change', function (event) {
	var form = event.target.form;
	if (!form || event.target.type !== 'radio') {
		return;
	}
	form.querySelectorAll('[data-enabled-when]').forEach(function (control) {
		var rule = control.getAttribute('data-enabled-when').split('=');
		if (rule[0] !== event.target.name) {
			return;
		}
		var checked = form.querySelector('input[type="radio"][name="' + rule[0] + '"]:checked');
		control.disabled = !checked || checked.value !== rule[1];
	});
});
