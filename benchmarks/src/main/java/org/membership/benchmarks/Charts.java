package org.membership.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The two charts of docs/performance.md as SVG text, drawn from a run's results by plain
 * Java: a line chart of P1 over time and grouped bars of P2's percentiles. Two small
 * charts did not justify a charting library and its dependencies.
 */
final class Charts {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 360;

	private static final int LEFT = 70;

	private static final int RIGHT = 170;

	private static final int TOP = 40;

	private static final int BOTTOM = 50;

	private static final String[] COLOURS = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd" };

	private Charts() {
	}

	/**
	 * P1: what was done by each second (submitted, approved, listed, announced, mails).
	 */
	static String throughput(List<BulkOnboarding.Sample> samples, int organisations) {
		Map<String, ToDoubleFunction<BulkOnboarding.Sample>> lines = new LinkedHashMap<>();
		lines.put("submitted", BulkOnboarding.Sample::submitted);
		lines.put("approved", BulkOnboarding.Sample::approved);
		lines.put("listed", BulkOnboarding.Sample::listed);
		lines.put("announced", BulkOnboarding.Sample::announced);
		lines.put("mails ÷ 3", (sample) -> sample.mails() / 3.0);
		double maxX = samples.stream().mapToDouble(BulkOnboarding.Sample::second).max().orElse(1);
		double maxY = Math.max(organisations, 1);
		StringBuilder svg = header("P1 bulk onboarding: " + organisations + " organisations, flows done over time",
				"seconds since the first submission", "organisations", maxX, maxY);
		int colour = 0;
		for (Map.Entry<String, ToDoubleFunction<BulkOnboarding.Sample>> line : lines.entrySet()) {
			List<String> points = new ArrayList<>();
			for (BulkOnboarding.Sample sample : samples) {
				points
					.add(format("%.1f,%.1f", x(sample.second(), maxX), y(line.getValue().applyAsDouble(sample), maxY)));
			}
			svg.append(format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
					COLOURS[colour], String.join(" ", points)));
			legend(svg, colour, line.getKey());
			colour++;
		}
		return svg.append("</svg>\n").toString();
	}

	/** P2: percentiles (ms) of each latency, grouped by percentile. */
	static String latency(Map<String, Map<String, Double>> percentiles, String title) {
		List<String> names = new ArrayList<>(percentiles.keySet());
		List<String> levels = percentiles.values()
			.stream()
			.filter((values) -> !values.isEmpty())
			.findFirst()
			.map((values) -> List.copyOf(values.keySet()))
			.orElse(List.of());
		double maxY = percentiles.values()
			.stream()
			.flatMap((values) -> values.values().stream())
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(1);
		StringBuilder svg = header(title, "percentile", "milliseconds", levels.size(), maxY);
		double groupWidth = (WIDTH - LEFT - RIGHT) / (double) Math.max(levels.size(), 1);
		double barWidth = groupWidth * 0.8 / Math.max(names.size(), 1);
		for (int level = 0; level < levels.size(); level++) {
			double groupX = LEFT + level * groupWidth + groupWidth * 0.1;
			svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", groupX + groupWidth * 0.4,
					HEIGHT - BOTTOM + 16, levels.get(level)));
			for (int name = 0; name < names.size(); name++) {
				Double value = percentiles.get(names.get(name)).get(levels.get(level));
				if (value != null) {
					double top = y(value, maxY);
					svg.append(format(
							"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s ms</title></rect>%n",
							groupX + name * barWidth, top, barWidth - 1, (HEIGHT - BOTTOM) - top, COLOURS[name],
							names.get(name), levels.get(level), value));
				}
			}
		}
		for (int name = 0; name < names.size(); name++) {
			legend(svg, name, names.get(name));
		}
		return svg.append("</svg>\n").toString();
	}

	private static StringBuilder header(String title, String xLabel, String yLabel, double maxX, double maxY) {
		StringBuilder svg = new StringBuilder();
		svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
				+ "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
		svg.append(format("<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT, escape(title)));
		svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, HEIGHT - BOTTOM,
				WIDTH - RIGHT, HEIGHT - BOTTOM));
		svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT,
				HEIGHT - BOTTOM));
		for (int tick = 0; tick <= 4; tick++) {
			double value = maxY * tick / 4;
			double at = y(value, maxY);
			svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, at,
					WIDTH - RIGHT, at));
			svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, at + 4,
					label(value)));
		}
		if (!xLabel.equals("percentile")) {
			for (int tick = 0; tick <= 4; tick++) {
				double value = maxX * tick / 4;
				svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x(value, maxX),
						HEIGHT - BOTTOM + 16, label(value)));
			}
		}
		svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (LEFT + WIDTH - RIGHT) / 2,
				HEIGHT - 12, escape(xLabel)));
		svg.append(format("<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>%n",
				(TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2, escape(yLabel)));
		return svg;
	}

	private static void legend(StringBuilder svg, int index, String name) {
		int y = TOP + 10 + index * 20;
		svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>%n", WIDTH - RIGHT + 14,
				y - 4, COLOURS[index]));
		svg.append(format("<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 34, y, escape(name)));
	}

	private static double x(double value, double max) {
		return LEFT + (WIDTH - LEFT - RIGHT) * value / max;
	}

	private static double y(double value, double max) {
		return (HEIGHT - BOTTOM) - (HEIGHT - BOTTOM - TOP) * value / max;
	}

	private static String label(double value) {
		return (value >= 10 || value == Math.rint(value)) ? format("%.0f", value) : format("%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

}
