// Holdfast manager dashboard: draws the charts from the report the page carries as JSON
// (the same JSON GET /api/v1/dashboard answers). The tables under the charts hold the
// same figures, so nothing depends on this script.
(function () {
	'use strict';

	var holder = document.getElementById('dashboard-data');
	if (!holder || typeof Chart === 'undefined') {
		return;
	}
	var report = JSON.parse(holder.getAttribute('data-report'));
	var label = function (name) { return holder.getAttribute('data-label-' + name); };
	var colors = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#dc3545', '#20c997', '#ffc107', '#6c757d',
		'#0dcaf0', '#d63384', '#adb5bd'];
	var weeks = report.weeks.map(function (w) { return w.substring(5); });
	var small = window.matchMedia('(max-width: 575.98px)').matches;
	// thin bars even when there are few of them
	Chart.defaults.datasets.bar.maxBarThickness = 32;
	var common = { responsive: true, maintainAspectRatio: false, animation: false,
		plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } } };

	function options(extra) {
		return Object.assign({}, common, extra);
	}

	function draw(id, config) {
		var canvas = document.getElementById(id);
		if (canvas) {
			canvas.chart = new Chart(canvas, config);
		}
	}

	// the ten busiest reps each get a bar; the rest are summed up as one
	var reps = report.followUps.slice().sort(function (a, b) { return b.total - a.total; });
	var shown = reps.slice(0, 10).map(function (rep, i) {
		return { label: rep.name, data: rep.perWeek, backgroundColor: colors[i] };
	});
	if (reps.length > 10) {
		shown.push({ label: label('others'), backgroundColor: colors[10], data: report.weeks.map(function (w, i) {
			return reps.slice(10).reduce(function (sum, rep) { return sum + rep.perWeek[i]; }, 0);
		}) });
	}
	draw('followups-canvas', { type: 'bar', data: { labels: weeks, datasets: shown },
		options: options({ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
			plugins: { legend: { display: !small || shown.length <= 4, position: 'bottom', labels: { boxWidth: 12 } } } }) });

	var levels = ['A', 'B', 'C', 'D'].filter(function (level) {
		return report.overdue.some(function (o) { return o.byLevel[level]; });
	});
	var owners = report.overdue.slice(0, 15);
	draw('overdue-canvas', { type: 'bar', data: { labels: owners.map(function (o) { return o.name; }),
		datasets: levels.map(function (level, i) {
			return { label: label('level') + ' ' + level, backgroundColor: colors[i + 4],
				data: owners.map(function (o) { return o.byLevel[level] || 0; }) };
		}) },
		options: options({ indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } }) });

	draw('pool-canvas', { type: 'bar', data: { labels: weeks, datasets: [
		{ label: label('returned'), data: report.pool.returned, backgroundColor: '#dc3545' },
		{ label: label('claimed'), data: report.pool.claimed, backgroundColor: '#198754', stack: 'taken' },
		{ label: label('assigned'), data: report.pool.assigned, backgroundColor: '#20c997', stack: 'taken' }] },
		options: options({ scales: { y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, x: { stacked: true } } }) });

	draw('care-canvas', { type: 'doughnut', data: { labels: [label('covered'), label('uncovered')],
		datasets: [{ data: [report.care.covered, report.care.uncovered], backgroundColor: ['#198754', '#dc3545'] }] },
		options: options({ plugins: { legend: { position: small ? 'bottom' : 'right', labels: { boxWidth: 12 } } } }) });
}());
