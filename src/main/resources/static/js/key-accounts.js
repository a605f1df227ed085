// Key-account teams: choosing a department shows its key customers at once. The Show button beside
// the list does the same without this script; the CSP forbids an inline onchange.
(function () {
	'use strict';

	var department = document.getElementById('ka-department');
	if (department) {
		department.addEventListener('change', function () {
			department.form.requestSubmit();
		});
	}
})();
