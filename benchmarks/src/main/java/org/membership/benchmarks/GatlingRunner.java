package org.membership.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;

/**
 * Runs one simulation with Gatling in this JVM (so that it shares {@link Phases#RECORDED}
 * with the run) and finds the report it wrote.
 */
final class GatlingRunner {

	private final Path resultsFolder;

	GatlingRunner(Path resultsFolder) {
		this.resultsFolder = resultsFolder;
	}

	/**
	 * Runs the simulation; the folder of its HTML report.
	 * @param simulation the simulation class
	 * @param description the run description shown in the report
	 * @return the report folder
	 */
	Path run(Class<?> simulation, String description) {
		Set<Path> before = reports();
		int status = Gatling$.MODULE$.fromArgs(new String[] { "--simulation", simulation.getName(), "--results-folder",
				this.resultsFolder.toString(), "--run-description", description });
		if (status != 0) {
			throw new IllegalStateException(simulation.getSimpleName() + " ended with Gatling status " + status);
		}
		List<Path> written = reports().stream().filter((report) -> !before.contains(report)).toList();
		if (written.size() != 1) {
			throw new IllegalStateException("Expected one new report in " + this.resultsFolder + ", found " + written);
		}
		return written.get(0);
	}

	private Set<Path> reports() {
		if (!Files.isDirectory(this.resultsFolder)) {
			return Set.of();
		}
		try (Stream<Path> folders = Files.list(this.resultsFolder)) {
			return folders.filter(Files::isDirectory).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
