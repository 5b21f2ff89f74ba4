package org.membership.system;

import java.nio.file.Path;

/**
 * The repository these tests run and check: the services' jars,
 * {@code docker-compose.yml}, the Dockerfile. The build names it
 * ({@code membership.repository.root}); an IDE that runs a test from this module's
 * directory finds it one level up.
 */
final class Repository {

	static final Path ROOT = Path.of(System.getProperty("membership.repository.root", ".."))
		.toAbsolutePath()
		.normalize();

	private Repository() {
	}

}
