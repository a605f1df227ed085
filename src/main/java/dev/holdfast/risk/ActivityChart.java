package dev.holdfast.risk;

import java.util.Arrays;

/**
 * An employee's reading per hour over the last day against their baseline, as the
 * coordinates of a small inline SVG: no chart library, no script.
 *
 * @param points the polyline of the hourly amounts, oldest first
 * @param baselineY the height of the baseline's line
 * @param peak the largest hourly amount, for the chart's title
 * @param baseline the baseline's amount per hour
 */
public record ActivityChart(String points, double baselineY, double peak, double baseline) {

	static final int WIDTH = 240;

	static final int HEIGHT = 48;

	static ActivityChart of(double[] hourly, double baseline) {
		double top = Math.max(Math.max(baseline, 1), Arrays.stream(hourly).max().orElse(0)) * 1.1;
		StringBuilder points = new StringBuilder();
		double step = (double) WIDTH / Math.max(1, hourly.length - 1);
		for (int i = 0; i < hourly.length; i++) {
			points.append(round(i * step)).append(',').append(round(y(hourly[i], top))).append(' ');
		}
		return new ActivityChart(points.toString().strip(), round(y(baseline, top)),
				Arrays.stream(hourly).max().orElse(0), RiskScoring.round(baseline));
	}

	private static double y(double amount, double top) {
		return HEIGHT - amount / top * HEIGHT;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
