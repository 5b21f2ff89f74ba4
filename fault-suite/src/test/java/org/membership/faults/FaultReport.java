package org.membership.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The figures of each fault as a Markdown table, printed and appended to
 * {@code fault-suite/target/fault-report.md} (one section per fault), ready to paste into
 * {@code docs/reliability.md}.
 */
final class FaultReport {

	private static final Path FILE = Path.of(System.getProperty("membership.fault.report", "target/fault-report.md"));

	private static final String HEADER = """
			| fault | duration | flows started | accepted | listed | announced | mails sent | duplicate rows | duplicate announcements | duplicate mails | duplicate events | lost | redelivered records | mails resent (same Message-ID) |
			|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
			""";

	private FaultReport() {
	}

	/**
	 * Appends one fault's section.
	 * @param fault what was done
	 * @param duration how long the test took, start-up of the stack excluded
	 * @param own the figures of this fault's flows
	 * @param all the figures of every flow of the run so far (duplicates anywhere)
	 * @param answers the HTTP answers the flows got, by step and status
	 * @param notes anything else the test saw
	 */
	static void add(String fault, Duration duration, Observations.Snapshot own, Observations.Snapshot all,
			Map<String, Long> answers, String notes) {
		StringBuilder section = new StringBuilder();
		section.append("\n### ").append(fault).append("\n\n");
		section.append("Run at ").append(Instant.now()).append(".\n\n");
		section.append(HEADER);
		section.append(row(fault, duration, own));
		section.append(row("(every flow so far)", duration, all));
		section.append("\nHTTP answers: ").append(answers).append("\n");
		if (!notes.isBlank()) {
			section.append("\n").append(notes).append("\n");
		}
		if (!own.examples().isEmpty() || !all.examples().isEmpty()) {
			section.append("\nExamples: ").append(own.examples()).append(" ").append(all.examples()).append("\n");
		}
		System.out.println(section);
		try {
			Files.createDirectories(FILE.toAbsolutePath().getParent());
			if (!Files.exists(FILE)) {
				Files.writeString(FILE, "## Fault suite figures\n", StandardCharsets.UTF_8);
			}
			Files.writeString(FILE, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String row(String fault, Duration duration, Observations.Snapshot figures) {
		return String.format("| %s | %d s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", fault,
				duration.toSeconds(), figures.started(), figures.accepted(), figures.listed(), figures.announced(),
				figures.mailsSent(), figures.duplicateRows(), figures.duplicateAnnouncements(),
				figures.duplicateMails(), figures.duplicateEvents(), figures.lost(), figures.redeliveredRecords(),
				figures.resentMails());
	}

}
