package org.membership.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResultsTests {

	@Test
	void aMeasureAddsUpItsRoundsAndLeavesTheWarmUpOut() {
		List<Phases.Result> phases = List.of(phase("warm-up submission", "warm-up submission", 999, 1, 1000),
				phase("submission #1", "submission", 300, 2, 1000), phase("liveness #1", "liveness", 900, 0, 1000),
				phase("submission #2", "submission", 100, 0, 1000));

		List<Results.Measure> measures = Results.measures("P3 ingest", phases);

		assertThat(measures).extracting(Results.Measure::name).containsExactly("submission", "liveness");
		Results.Measure submission = measures.get(0);
		assertThat(submission.ok()).isEqualTo(400);
		assertThat(submission.failed()).isEqualTo(2);
		assertThat(submission.seconds()).isCloseTo(2.0, within(1e-9));
		assertThat(submission.perSecond()).isCloseTo(200.0, within(1e-9));
		assertThat(submission.latency().p50()).isCloseTo(10.0, within(0.1));
	}

	@Test
	void aRatioIsTheRateAboveOverTheBaselineAndSaysWhetherItMeetsTheTarget() {
		List<Results.Measure> measures = Results.measures("tokens",
				List.of(phase("approval (Basic) #1", "approval (Basic)", 20, 0, 1000),
						phase("approval (Bearer) #1", "approval (Bearer)", 150, 0, 1000)));

		Results.Ratio ratio = Results.ratio(measures, "tokens", "approval (Bearer)", "approval (Basic)", 10.0);

		assertThat(ratio.value()).isCloseTo(7.5, within(1e-9));
		assertThat(ratio.targetMet()).isFalse();
		assertThat(Results.ratio(measures, "tokens", "approval (Basic)", "approval (Bearer)", null).targetMet())
			.isNull();
	}

	@Test
	void theMarkdownTablesShowEveryRatioAndMeasure() {
		List<Results.Measure> measures = Results.measures("tokens",
				List.of(phase("approval (Basic) #1", "approval (Basic)", 20, 0, 1000),
						phase("approval (Bearer) #1", "approval (Bearer)", 250, 0, 1000)));
		Results.Report report = new Results.Report(
				new Results.Environment("start", "end", "stack", 2, "25", "Linux", 3, Map.of(), Map.of(), Map.of()),
				List.of(Results.ratio(measures, "tokens", "approval (Bearer)", "approval (Basic)", 10.0)),
				List.of(Results.Figure.of("P1 bulk onboarding", "flows end to end", 42.5, "/s", "submissions alone",
						85.0, "≥ 150/s", false)),
				measures,
				Results.phases("tokens", List.of(phase("approval (Basic) #1", "approval (Basic)", 20, 0, 1000))),
				Map.of(), List.of());

		String markdown = Results.markdown(report);

		assertThat(markdown)
			.contains("| P1 bulk onboarding | flows end to end | 42.50 /s | submissions alone (85 /s) | 0.50 | "
					+ "≥ 150/s: NOT met |")
			.contains("| tokens | approval (Bearer) ÷ approval (Basic) | 12.50 | ≥ 10: met |")
			.contains("| tokens | approval (Basic) | 20 | 0 | 1.0 | 20.0 | 10 | 10 | 10 |")
			.contains("| tokens | approval (Basic) #1 | 20 | 0 | 1.0 | 20.0 |");
	}

	/** A phase of {@code ok} answers of 10 ms each over {@code millis}. */
	private static Phases.Result phase(String phase, String measure, long ok, long failed, long millis) {
		Histogram responseTimes = new Histogram(3);
		responseTimes.recordValueWithCount(10_000, ok);
		return new Phases.Result(phase, measure, ok, failed, Duration.ofMillis(millis), responseTimes);
	}

}
