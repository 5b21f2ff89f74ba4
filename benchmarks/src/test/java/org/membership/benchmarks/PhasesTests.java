package org.membership.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PhasesTests {

	private final AtomicLong clock = new AtomicLong();

	private final Phases phases = new Phases(this.clock::get);

	@Test
	void aPhaseSpansFromItsFirstUsersStartToItsLastUsersEnd() {
		at(100).userStarted("submission #1", "submission");
		at(150).userStarted("submission #1", "submission");
		at(900).userFinished("submission #1");
		at(1300).userFinished("submission #1");

		Phases.Result result = this.phases.drain().get(0);

		assertThat(result.phase()).isEqualTo("submission #1");
		assertThat(result.measure()).isEqualTo("submission");
		assertThat(result.elapsed()).isEqualTo(Duration.ofNanos(1200));
	}

	@Test
	void answersAreCountedAndOnlySuccessfulOnesTimed() {
		at(0).userStarted("liveness #1", "liveness");
		long sent = at(TimeUnit.MILLISECONDS.toNanos(1)).now();
		at(TimeUnit.MILLISECONDS.toNanos(11)).answered("liveness #1", true, sent);
		at(TimeUnit.MILLISECONDS.toNanos(500)).answered("liveness #1", false, sent);
		at(TimeUnit.MILLISECONDS.toNanos(600)).userFinished("liveness #1");

		Phases.Result result = this.phases.drain().get(0);

		assertThat(result.ok()).isEqualTo(1);
		assertThat(result.failed()).isEqualTo(1);
		assertThat(result.responseTimes().getTotalCount()).isEqualTo(1);
		assertThat(result.responseTimes().getMaxValue()).isBetween(9_990L, 10_010L);
	}

	@Test
	void phasesComeInTheOrderTheyStartedAndADrainStartsAfresh() {
		at(0).userStarted("liveness #1", "liveness");
		at(5).userStarted("submission #1", "submission");

		List<Phases.Result> first = this.phases.drain();

		assertThat(first).extracting(Phases.Result::phase).containsExactly("liveness #1", "submission #1");
		assertThat(this.phases.drain()).isEmpty();
	}

	@Test
	void anAnswerInAPhaseThatNeverStartedIsAMistake() {
		assertThatIllegalStateException().isThrownBy(() -> this.phases.answered("approval (Basic) #1", true, 0))
			.withMessageContaining("approval (Basic) #1");
	}

	private Phases at(long nanos) {
		this.clock.set(nanos);
		return this.phases;
	}

}
