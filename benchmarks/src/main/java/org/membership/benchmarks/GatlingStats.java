package org.membership.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response times of each request name, read from the {@code js/stats.json} of a
 * Gatling report: percentiles 1 to 4 are p50, p75, p95 and p99 (gatling-defaults.conf).
 */
final class GatlingStats {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Response times of the successful requests of one name, in milliseconds.
	 *
	 * @param p50 the median
	 * @param p95 the 95th percentile
	 * @param p99 the 99th percentile
	 * @param max the slowest
	 */
	record Latency(long p50, long p95, long p99, long max) {
	}

	private GatlingStats() {
	}

	/** The latencies by request name; empty when the report has no stats. */
	static Map<String, Latency> read(Path report) {
		Path stats = report.resolve("js").resolve("stats.json");
		if (!Files.isRegularFile(stats)) {
			return Map.of();
		}
		try {
			Map<String, Latency> latencies = new HashMap<>();
			collect(JSON.readTree(Files.readString(stats)), latencies);
			return latencies;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Latency> parse(String statsJson) {
		Map<String, Latency> latencies = new HashMap<>();
		collect(JSON.readTree(statsJson), latencies);
		return latencies;
	}

	private static void collect(JsonNode node, Map<String, Latency> latencies) {
		if ("REQUEST".equals(node.path("type").asString(""))) {
			JsonNode stats = node.path("stats");
			latencies.put(node.path("name").asString(), new Latency(ok(stats, "percentiles1"),
					ok(stats, "percentiles3"), ok(stats, "percentiles4"), ok(stats, "maxResponseTime")));
		}
		for (JsonNode child : node.path("contents")) {
			collect(child, latencies);
		}
	}

	private static long ok(JsonNode stats, String name) {
		return stats.path(name).path("ok").asLong(-1);
	}

}
