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
