package org.membership.directory.rebuild;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.membership.directory.member.ConsumerLag;
import org.membership.directory.member.Generations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * STAFF only: {@code POST /api/directory/rebuild} starts a rebuild (202, 409 while one
 * runs on any instance); {@code GET /api/directory/generations} shows the rebuilds and
 * their progress; {@code GET /api/directory/lag} shows how far the live listeners are.
 */
@RestController
@Tag(name = "Directory operations")
@RequestMapping("/api/directory")
class RebuildController {

	private static final int GENERATIONS_SHOWN = 20;

	private final DirectoryRebuild rebuild;

	private final ConsumerLag lag;

	private final Generations generations;

	RebuildController(DirectoryRebuild rebuild, ConsumerLag lag, Generations generations) {
		this.rebuild = rebuild;
		this.lag = lag;
		this.generations = generations;
	}

	@Operation(summary = "Rebuild the directory from the topics",
			description = "Answers at once (202), 409 while a rebuild runs on any instance; "
					+ "GET /api/directory/generations follows the replay.")
	@PostMapping("/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DirectoryRebuild.Started rebuild() {
		return this.rebuild.rebuild();
	}

	@Operation(summary = "The latest rebuilds: state, members, records left to replay",
			description = "One generation is LIVE (what the public reads); at most one is BUILDING.")
	@GetMapping("/generations")
	List<Generations.Generation> generations() {
		return this.generations.recent(GENERATIONS_SHOWN);
	}

	@Operation(summary = "How far the directory is behind, by topic", description = "0 everywhere: up to date.")
	@GetMapping("/lag")
	Map<String, Long> lag() {
		return this.lag.lagByTopic();
	}

}
