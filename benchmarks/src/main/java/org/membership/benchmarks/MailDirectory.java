package org.membership.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stack's mail directory: the SMTP server writes each delivery as one {@code .eml}
 * file named after its recipient, so mails of a scenario are counted by a part of their
 * recipients' address, and a duplicate shows as two files with one {@code Message-ID}.
 */
record MailDirectory(Path folder) {

	/** Files whose name contains {@code marker} (lower case, as the file names are). */
	long count(String marker) {
		return files(marker).size();
	}

	/**
	 * How many files each {@code Message-ID} of the mails containing {@code marker} has.
	 */
	Map<String, Integer> perMessageId(String marker) {
		Map<String, Integer> counts = new HashMap<>();
		for (Path file : files(marker)) {
			counts.merge(messageId(file), 1, Integer::sum);
		}
		return counts;
	}

	private List<Path> files(String marker) {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		String lower = marker.toLowerCase(Locale.ROOT);
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.filter((file) -> {
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				return name.endsWith(".eml") && name.contains(lower);
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String messageId(Path file) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			String line;
			while ((line = reader.readLine()) != null && !line.isEmpty()) {
				if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
					return line.substring(11).strip();
				}
			}
			return "(none) " + file.getFileName();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
