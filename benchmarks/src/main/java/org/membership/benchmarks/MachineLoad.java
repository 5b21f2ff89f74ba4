package org.membership.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * How much of the machine's processor time went to this run (this JVM and every process
 * it started: broker, registry, services) and how much to other processes, between two
 * snapshots. A load average cannot tell them apart: the run's own 16 waiting requests
 * count in it. Read from Linux's {@code /proc}; elsewhere there is no figure.
 */
final class MachineLoad {

	/**
	 * Processor time, in clock ticks, at one moment.
	 *
	 * @param total all processors' time, idle included
	 * @param busy all processors' time not idle nor waiting for I/O
	 * @param ours the user and system time of this JVM and its descendants
	 */
	record Snapshot(long total, long busy, long ours) {
	}

	/**
	 * Shares of the machine's processor time between two snapshots.
	 *
	 * @param busy the share that was busy
	 * @param run the share used by this run
	 * @param others the share used by other processes
	 */
	record Shares(double busy, double run, double others) {
	}

	private MachineLoad() {
	}

	/** Now, or {@code null} where {@code /proc} cannot be read. */
	static Snapshot snapshot() {
		try {
			long[] cpu = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
				.skip(1)
				.limit(8)
				.mapToLong(Long::parseLong)
				.toArray();
			long total = Arrays.stream(cpu).sum();
			long busy = total - cpu[3] - cpu[4];
			long ours = Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
				.mapToLong(MachineLoad::processTicks)
				.sum();
			return new Snapshot(total, busy, ours);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** The shares between two snapshots; {@code null} if either is missing. */
	static Shares between(Snapshot start, Snapshot end) {
		if (start == null || end == null || end.total() <= start.total()) {
			return null;
		}
		double total = end.total() - start.total();
		double busy = (end.busy() - start.busy()) / total;
		double run = Math.min(busy, Math.max(0, (end.ours() - start.ours()) / total));
		return new Shares(round(busy), round(run), round(busy - run));
	}

	private static long processTicks(ProcessHandle process) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			// fields after the command, which may hold spaces, in parentheses
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			// a process that ended since it was listed
			return 0;
		}
	}

	private static double round(double share) {
		return Math.round(share * 1000) / 1000.0;
	}

}
