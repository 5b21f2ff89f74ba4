package org.membership.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * P5 footprint: the resident memory of each process of the stack ({@code VmRSS} of
 * {@code /proc/<pid>/status}, Linux only), and their sum.
 */
final class Footprint {

	static final String SCENARIO = "P5 footprint";

	/** Issue 12: all healthy at most 30 s after the build. */
	static final double START_TARGET_SECONDS = 30;

	/** Issue 12: at most 1.5 GB resident in total, idle. */
	static final double MEMORY_TARGET_MB = 1536;

	private Footprint() {
	}

	/** Megabytes resident per process name ({@code -1} where unreadable). */
	static Map<String, Double> residentMegabytes(Map<String, Long> processIds) {
		Map<String, Double> resident = new LinkedHashMap<>();
		processIds.forEach((name, pid) -> resident.put(name, vmRss(pid)));
		return resident;
	}

	static double total(Map<String, Double> resident) {
		return resident.values().stream().filter((mb) -> mb > 0).mapToDouble(Double::doubleValue).sum();
	}

	private static double vmRss(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return Math.round(kilobytes / 102.4) / 10.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or the process is gone
		}
		return -1;
	}

}
