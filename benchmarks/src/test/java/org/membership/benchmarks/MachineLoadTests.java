package org.membership.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MachineLoadTests {

	@Test
	void theBusyTimeIsSplitBetweenThisRunAndOtherProcesses() {
		MachineLoad.Shares shares = MachineLoad.between(new MachineLoad.Snapshot(1000, 400, 50),
				new MachineLoad.Snapshot(2000, 1300, 350));

		assertThat(shares.busy()).isCloseTo(0.9, within(1e-9));
		assertThat(shares.run()).isCloseTo(0.3, within(1e-9));
		assertThat(shares.others()).isCloseTo(0.6, within(1e-9));
	}

	@Test
	void withoutBothSnapshotsThereIsNoFigure() {
		assertThat(MachineLoad.between(null, new MachineLoad.Snapshot(1, 1, 1))).isNull();
		assertThat(MachineLoad.between(new MachineLoad.Snapshot(5, 1, 1), new MachineLoad.Snapshot(5, 1, 1))).isNull();
	}

	@Test
	void onLinuxThisJvmHasUsedSomeProcessorTime() {
		assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux's /proc");

		MachineLoad.Snapshot snapshot = MachineLoad.snapshot();

		assertThat(snapshot).isNotNull();
		assertThat(snapshot.ours()).isPositive();
		assertThat(snapshot.busy()).isPositive().isLessThanOrEqualTo(snapshot.total());
	}

}
