package org.membership.directory.rebuild;

import java.util.List;
import java.util.Map;

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

	@PostMapping("/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DirectoryRebuild.Started rebuild() {
		return this.rebuild.rebuild();
	}

	@GetMapping("/generations")
	List<Generations.Generation> generations() {
		return this.generations.recent(GENERATIONS_SHOWN);
	}

	@GetMapping("/lag")
	Map<String, Long> lag() {
		return this.lag.lagByTopic();
	}

}
