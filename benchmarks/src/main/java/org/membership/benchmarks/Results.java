package org.membership.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a run: the rate of each measure (its successful answers over the summed
 * spans of its phases), and each scenario's ratio of two measures taken in the same run.
 */
final class Results {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * One measure of a scenario over all its rounds.
	 *
	 * @param scenario e.g. {@code P3 ingest}
	 * @param name the measure, also the request name in Gatling's report
	 * @param ok the answers with the expected status
	 * @param failed the others
	 * @param seconds the summed spans of its phases
	 * @param perSecond {@code ok / seconds}
	 * @param latency the response times of the successful requests
	 */
	record Measure(String scenario, String name, long ok, long failed, double seconds, double perSecond,
			Latency latency) {
	}

	/**
	 * Response times in milliseconds, from the sending of a request to its answer as the
	 * virtual user saw it.
	 *
	 * @param p50 the median
	 * @param p95 the 95th percentile
	 * @param p99 the 99th percentile
	 * @param max the slowest
	 */
	record Latency(double p50, double p95, double p99, double max) {

		static Latency of(Histogram micros) {
			return new Latency(millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(95)),
					millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()));
		}

		private static double millis(long micros) {
			return Math.round(micros / 100.0) / 10.0;
		}

	}

	/**
	 * A scenario's figure.
	 *
	 * @param scenario e.g. {@code P3 ingest}
	 * @param numerator the measure above the line
	 * @param denominator the baseline
	 * @param value the ratio of their rates
	 * @param target the value the issue asks for at least (null: none)
	 * @param targetMet whether the value reaches it (null: no target)
	 */
	record Ratio(String scenario, String numerator, String denominator, double value, Double target,
			Boolean targetMet) {
	}

	/**
	 * Where and how the run went.
	 *
	 * @param startedAt the run's start (UTC)
	 * @param finishedAt its end
	 * @param stack the stack measured
	 * @param processors the processors this JVM saw
	 * @param java the Java version
	 * @param os the operating system
	 * @param otherJavaProcesses Java processes running on the machine that this run did
	 * not start
	 * @param loadAverages the one-minute load average at points of the run
	 * @param processorShares per scenario, the shares of the machine's processor time
	 * used by this run and by other processes while it ran (none where /proc is missing)
	 * @param settings the settings of the run
	 */
	record Environment(String startedAt, String finishedAt, String stack, int processors, String java, String os,
			long otherJavaProcesses, Map<String, Double> loadAverages, Map<String, MachineLoad.Shares> processorShares,
			Map<String, Object> settings) {
	}

	/**
	 * One phase as it ran, warm-ups included: how far apart the rounds of a measure are
	 * says how noisy the machine was.
	 *
	 * @param scenario the scenario
	 * @param phase the phase
	 * @param ok the answers with the expected status
	 * @param failed the others
	 * @param seconds its span
	 * @param perSecond {@code ok / seconds}
	 */
	record Phase(String scenario, String phase, long ok, long failed, double seconds, double perSecond) {
	}

	/**
	 * A figure of a flow scenario (P1, P2, P4, P5), with its baseline from the same run
	 * and the target shown next to it, never asserted.
	 *
	 * @param scenario e.g. {@code P1 bulk onboarding}
	 * @param measure what was measured
	 * @param value its value, in {@code unit}
	 * @param baseline what it is compared with ({@code null}: nothing)
	 * @param baselineValue the baseline's value, in the same unit
	 * @param ratio {@code value / baselineValue}
	 * @param target the target, as text ({@code null}: none)
	 * @param targetMet whether the value meets it ({@code null}: no target)
	 */
	record Figure(String scenario, String measure, double value, String unit, String baseline, Double baselineValue,
			Double ratio, String target, Boolean targetMet) {

		static Figure of(String scenario, String measure, double value, String unit, String baseline,
				Double baselineValue, String target, Boolean targetMet) {
			Double ratio = (baselineValue != null && baselineValue != 0) ? value / baselineValue : null;
			return new Figure(scenario, measure, value, unit, baseline, baselineValue, ratio, target, targetMet);
		}

	}

	/**
	 * Everything written to {@code results.json}.
	 *
	 * @param environment where and how
	 * @param ratios the figures of the Gatling scenarios
	 * @param figures the figures of the flow scenarios
	 * @param measures the rates they are made of
	 * @param phases the phases the measures are made of
	 * @param series time series and percentiles of the flow scenarios (what the charts
	 * draw)
	 * @param reports Gatling's HTML reports
	 */
	record Report(Environment environment, List<Ratio> ratios, List<Figure> figures, List<Measure> measures,
			List<Phase> phases, Map<String, Object> series, List<String> reports) {
	}

	private Results() {
	}

	/**
	 * The measures of a scenario's phases, warm-ups left out, in the order they first
	 * ran.
	 */
	static List<Measure> measures(String scenario, List<Phases.Result> phases) {
		Map<String, List<Phases.Result>> byMeasure = new LinkedHashMap<>();
		for (Phases.Result phase : phases) {
			if (!phase.measure().startsWith("warm-up")) {
				byMeasure.computeIfAbsent(phase.measure(), (name) -> new ArrayList<>()).add(phase);
			}
		}
		List<Measure> measures = new ArrayList<>();
		byMeasure.forEach((name, measured) -> {
			long ok = measured.stream().mapToLong(Phases.Result::ok).sum();
			long failed = measured.stream().mapToLong(Phases.Result::failed).sum();
			double seconds = measured.stream().mapToDouble((phase) -> phase.elapsed().toNanos() / 1e9).sum();
			Histogram responseTimes = measured.get(0).responseTimes().copy();
			measured.stream().skip(1).forEach((phase) -> responseTimes.add(phase.responseTimes()));
			measures.add(new Measure(scenario, name, ok, failed, seconds, (seconds > 0) ? ok / seconds : 0,
					Latency.of(responseTimes)));
		});
		return measures;
	}

	static List<Phase> phases(String scenario, List<Phases.Result> phases) {
		return phases.stream().map((phase) -> {
			double seconds = phase.elapsed().toNanos() / 1e9;
			return new Phase(scenario, phase.phase(), phase.ok(), phase.failed(), seconds,
					(seconds > 0) ? phase.ok() / seconds : 0);
		}).toList();
	}

	static Ratio ratio(List<Measure> measures, String scenario, String numerator, String denominator, Double target) {
		double value = find(measures, scenario, numerator).perSecond()
				/ find(measures, scenario, denominator).perSecond();
		return new Ratio(scenario, numerator, denominator, value, target, (target != null) ? value >= target : null);
	}

	private static Measure find(List<Measure> measures, String scenario, String name) {
		return measures.stream()
			.filter((measure) -> measure.scenario().equals(scenario) && measure.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No measure " + name + " in " + scenario));
	}

	/** The figures as the Markdown tables docs/performance.md shows. */
	static String markdown(Report report) {
		StringBuilder text = new StringBuilder();
		if (!report.figures().isEmpty()) {
			text.append("| scenario | measure | value | baseline | ratio | target |\n|---|---|---:|---|---:|---|\n");
			for (Figure figure : report.figures()) {
				text.append(
						String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s |%n", figure.scenario(),
								figure.measure(), number(figure.value()), figure.unit(),
								(figure.baseline() != null) ? figure.baseline() + " (" + number(figure.baselineValue())
										+ " " + figure.unit() + ")" : "–",
								(figure.ratio() != null) ? String.format(Locale.ROOT, "%.2f", figure.ratio()) : "–",
								(figure.target() != null)
										? figure.target() + ": " + (figure.targetMet() ? "met" : "NOT met") : "–"));
			}
			text.append('\n');
		}
		if (report.ratios().isEmpty() && report.measures().isEmpty()) {
			return text.toString();
		}
		text.append("| scenario | ratio | value | target |\n|---|---|---:|---|\n");
		for (Ratio ratio : report.ratios()) {
			text.append(
					String.format(Locale.ROOT, "| %s | %s ÷ %s | %.2f | %s |%n", ratio.scenario(), ratio.numerator(),
							ratio.denominator(), ratio.value(), (ratio.target() != null) ? String.format(Locale.ROOT,
									"≥ %.0f: %s", ratio.target(), ratio.targetMet() ? "met" : "NOT met") : "–"));
		}
		text.append("\n| scenario | measure | ok | failed | seconds | per second | p50 ms | p95 ms | p99 ms |\n");
		text.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Measure measure : report.measures()) {
			Latency latency = measure.latency();
			text.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f |%n",
					measure.scenario(), measure.name(), measure.ok(), measure.failed(), measure.seconds(),
					measure.perSecond(), latency.p50(), latency.p95(), latency.p99()));
		}
		text.append("\n| scenario | phase | ok | failed | seconds | per second |\n|---|---|---:|---:|---:|---:|\n");
		for (Phase phase : report.phases()) {
			text.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f |%n", phase.scenario(),
					phase.phase(), phase.ok(), phase.failed(), phase.seconds(), phase.perSecond()));
		}
		return text.toString();
	}

	private static String number(double value) {
		return (Math.abs(value) >= 100 || value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

	/** Writes {@code results.json} and {@code results.md} into {@code folder}. */
	static void write(Report report, Path folder) {
		try {
			Files.createDirectories(folder);
			Files.writeString(folder.resolve("results.json"), JSON.writeValueAsString(report));
			Environment environment = report.environment();
			String markdown = "# Benchmark results\n\n" + "Run " + environment.startedAt() + " – "
					+ environment.finishedAt() + " against " + environment.stack() + "; " + environment.processors()
					+ " processors, " + environment.otherJavaProcesses()
					+ " Java processes of others running at the start, one-minute load averages "
					+ environment.loadAverages() + ", shares of the processor time (busy, this run, others) "
					+ environment.processorShares() + ".\n\n" + markdown(report) + "\nGatling reports:\n\n"
					+ String.join("\n", report.reports().stream().map((path) -> "- " + path).toList()) + "\n";
			Files.writeString(folder.resolve("results.md"), markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
