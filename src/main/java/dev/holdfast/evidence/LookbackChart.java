package dev.holdfast.evidence;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import dev.holdfast.risk.RiskEvidence;

/**
 * The look-back's chart as a PNG, drawn with Java2D: per day of the 90, the customer
 * records read (upper bars) and the reveals and exports (lower bars), each on its own
 * scale, with the day's date every two weeks. No words on it: the PDF says what it shows,
 * in the reader's language.
 */
final class LookbackChart {

	static final int WIDTH = 900;

	static final int HEIGHT = 300;

	private static final int LEFT = 50;

	private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM-dd");

	private LookbackChart() {
	}

	static byte[] png(RiskEvidence.Evidence risk, java.time.ZoneId zone) {
		LocalDate first = risk.lookback().from().atZone(zone).toLocalDate();
		LocalDate last = risk.lookback().until().atZone(zone).toLocalDate();
		int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
		Map<LocalDate, RiskEvidence.Day> byDay = risk.days()
			.stream()
			.collect(Collectors.toMap(RiskEvidence.Day::day, Function.identity()));
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			double step = (WIDTH - LEFT - 10) / (double) days;
			panel(g, byDay, first, days, step, 10, 170, new Color(0x1f, 0x6f, 0xb5), RiskEvidence.Day::detailViews);
			panel(g, byDay, first, days, step, 200, 70, new Color(0xc0, 0x39, 0x2b), d -> d.reveals() + d.exports());
			g.setColor(Color.DARK_GRAY);
			for (int i = 0; i < days; i += 14) {
				g.drawString(TICK.format(first.plusDays(i)), (int) (LEFT + i * step), HEIGHT - 8);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void panel(Graphics2D g, Map<LocalDate, RiskEvidence.Day> byDay, LocalDate first, int days,
			double step, int top, int height, Color color,
			java.util.function.ToDoubleFunction<RiskEvidence.Day> value) {
		double peak = 1;
		for (RiskEvidence.Day day : byDay.values()) {
			peak = Math.max(peak, value.applyAsDouble(day));
		}
		g.setColor(new Color(0xee, 0xee, 0xee));
		g.fillRect(LEFT, top, WIDTH - LEFT - 10, height);
		g.setColor(Color.DARK_GRAY);
		g.drawString(Long.toString(Math.round(peak)), 4, top + 11);
		g.drawString("0", 4, top + height);
		g.setColor(color);
		for (int i = 0; i < days; i++) {
			RiskEvidence.Day day = byDay.get(first.plusDays(i));
			double amount = day == null ? 0 : value.applyAsDouble(day);
			int bar = (int) Math.round(amount / peak * height);
			if (bar > 0) {
				g.fillRect((int) (LEFT + i * step), top + height - bar, Math.max(1, (int) step - 1), bar);
			}
		}
		g.setStroke(new BasicStroke(1));
		g.setColor(Color.GRAY);
		g.drawLine(LEFT, top + height, WIDTH - 10, top + height);
	}

}
