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

	// A fragment request that ended on the login page (the session expired): show the
	// login page itself rather than putting it inside the page.
	document.body.addEventListener('htmx:beforeSwap', function (event) {
		var url = event.detail.xhr && event.detail.xhr.responseURL;
		if (url && new URL(url).pathname.endsWith('/login')) {
			event.detail.shouldSwap = false;
			window.location.href = url;
		}
	});

	// A fragment request that failed (403, 404, 500, no network): say so above the page.
	function showRequestError() {
		var main = document.querySelector('main');
		if (!main || document.getElementById('request-error')) {
			return;
		}
		var alert = document.createElement('div');
		alert.id = 'request-error';
		alert.className = 'alert alert-danger';
		alert.setAttribute('role', 'alert');
		alert.textContent = meta('request-error') || 'The request failed.';
		main.insertBefore(alert, main.firstChild);
	}
	document.body.addEventListener('htmx:responseError', showRequestError);
	document.body.addEventListener('htmx:sendError', showRequestError);
	document.body.addEventListener('htmx:beforeRequest', function () {
		var alert = document.getElementById('request-error');
		if (alert) {
			alert.remove();
		}
	});

	// Elements with data-confirm ask before their form is sent (no onclick: CSP).
	document.addEventListener('submit', function (event) {
		var form = event.target;
		var message = form.getAttribute('data-confirm');
		if (message && !window.confirm(message)) {
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
