package org.membership.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * How the stack's child JVMs start faster and stay smaller (issue 12, P5), without
 * changing what they do:
 * <ul>
 * <li>the serial collector: one core's worth of collector threads and none of G1's
 * remembered sets, for heaps of a few hundred MB on a 2-core machine;</li>
 * <li>class-data sharing: each JVM writes the classes it loaded to an archive of its own
 * in the stack's data directory when it exits ({@code -XX:+AutoCreateSharedArchive}, Java
 * 19+), and the next start maps them instead of loading, verifying and linking them
 * again. The JVM checks the archive against its class path and recreates it when a jar
 * changed, so a new build needs nothing but one slower start;</li>
 * <li>a service runs from its extracted jar ({@code -Djarmode=tools extract}, Spring
 * Boot's layout for class-data sharing): classes from the fat jar's nested jars come
 * through Spring Boot's own class loader, which the archive does not cover.</li>
 * </ul>
 * Not {@code -XX:TieredStopAtLevel=1}: it starts a little faster but leaves the code
 * without the optimising compiler, which the services need under load.
 */
final class JvmFootprint {

	/** Where the archives and the extracted service jars live, in the data directory. */
	static final String DIRECTORY = "jvm";

	private static final String STAMP = "extracted-from.txt";

	private static final String SERIAL_COLLECTOR = "-XX:+UseSerialGC";

	private JvmFootprint() {
	}

	/**
	 * The options of a child JVM whose class-data archive is {@code name}.jsa under
	 * {@code directory}. A class path with a directory on it (a module's
	 * {@code target/classes}, as in the tests) cannot be archived: the JVM would fail to
	 * write the archive at every exit, so it gets only the collector.
	 * @param classPath the child's class path as given to {@link ChildJvm#start}
	 */
	static List<String> options(Path directory, String name, String classPath) {
		String complete = ChildJvm.watchdogLocation() + File.pathSeparator + classPath;
		boolean onlyJars = Arrays.stream(complete.split(File.pathSeparator))
			.allMatch((entry) -> Files.isRegularFile(Path.of(entry)));
		if (!onlyJars) {
			return List.of(SERIAL_COLLECTOR);
		}
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.of(SERIAL_COLLECTOR, "-XX:+AutoCreateSharedArchive",
				"-XX:SharedArchiveFile=" + directory.resolve(name + ".jsa").toAbsolutePath());
	}

	/**
	 * The service's jar extracted into {@code directory} (once per build of the jar: a
	 * stamp with its size and time says which build it was), ready to run with the
	 * returned application jar on the class path and {@link #mainClass(Path)} as the main
	 * class.
	 */
	static Path extracted(Path jar, Path directory) {
		try {
			String source = jar.toAbsolutePath() + " " + Files.size(jar) + " "
					+ Files.getLastModifiedTime(jar).toMillis();
			Path application = directory.resolve(jar.getFileName());
			Path stamp = directory.resolve(STAMP);
			if (Files.isRegularFile(application) && Files.isRegularFile(stamp)
					&& Files.readString(stamp, StandardCharsets.UTF_8).equals(source)) {
				return application;
			}
			deleteRecursively(directory);
			extract(jar, directory);
			Files.writeString(stamp, source, StandardCharsets.UTF_8);
			return application;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not extract " + jar + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The {@code Main-Class} of an extracted application jar: the Spring Boot
	 * application.
	 */
	static String mainClass(Path applicationJar) {
		try (JarFile jar = new JarFile(applicationJar.toFile())) {
			return jar.getManifest().getMainAttributes().getValue("Main-Class");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void extract(Path jar, Path directory) throws IOException {
		List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable(), "-Djarmode=tools", "-jar",
				jar.toAbsolutePath().toString(), "extract", "--destination", directory.toAbsolutePath().toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new StackException("Could not extract " + jar + ":\n" + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new StackException("Interrupted while extracting " + jar, ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
