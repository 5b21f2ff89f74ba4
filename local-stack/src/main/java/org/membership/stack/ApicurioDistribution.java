package org.membership.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Apicurio Registry server, from the
 * {@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all} artifact that the build
 * resolved into the local Maven repository; unpacked once into a cache directory shared
 * by every run on this machine.
 */
final class ApicurioDistribution {

	private ApicurioDistribution() {
	}

	/** The {@code quarkus-run.jar} of the unpacked distribution. */
	static Path runnerJar() {
		Properties build = buildProperties();
		String version = build.getProperty("apicurio.version");
		Path home = Path.of(System.getProperty("java.io.tmpdir"), "membership-onboarding",
				"apicurio-registry-" + version);
		if (!Files.isDirectory(home)) {
			unpack(archive(build, version), home);
		}
		try (Stream<Path> files = Files.walk(home, 4)) {
			return files.filter((file) -> file.getFileName().toString().equals("quarkus-run.jar"))
				.findFirst()
				.orElseThrow(() -> new StackException("No quarkus-run.jar in " + home + ": delete it and try again"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path archive(Properties build, String version) {
		String repository = System.getProperty("maven.repo.local", build.getProperty("maven.repo.local"));
		Path archive = Path.of(repository, "io", "apicurio", "apicurio-registry-app", version,
				"apicurio-registry-app-" + version + "-all.tar.gz");
		if (!Files.isRegularFile(archive)) {
			throw new StackException("The Apicurio Registry distribution is missing: " + archive
					+ ". Build once (./mvnw -B -DskipTests package) so that Maven downloads it.");
		}
		return archive;
	}

	private static void unpack(Path archive, Path home) {
		try {
			Files.createDirectories(home.getParent());
			Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking");
			Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", staging.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(tar.getInputStream().readAllBytes());
			if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
				throw new StackException("Unpacking " + archive + " failed: " + output);
			}
			try {
				// atomic: test JVMs side by side never see half a distribution
				Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException ex) {
				deleteRecursively(staging);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while unpacking " + archive, ex);
		}
	}

	private static Properties buildProperties() {
		Properties properties = new Properties();
		try (InputStream in = ApicurioDistribution.class.getResourceAsStream("stack.properties")) {
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
