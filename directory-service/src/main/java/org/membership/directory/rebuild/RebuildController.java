package org.membership.directory.rebuild;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.membership.directory.member.ConsumerLag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * STAFF only: {@code POST /api/directory/rebuild} starts a rebuild (202);
 * {@code GET /api/directory/lag} shows how far the replay is (0 everywhere: done).
 */
@RestController
@Tag(name = "Directory operations")
@RequestMapping("/api/directory")
class RebuildController {

	private final DirectoryRebuild rebuild;

	private final ConsumerLag lag;

	RebuildController(DirectoryRebuild rebuild, ConsumerLag lag) {
		this.rebuild = rebuild;
		this.lag = lag;
	}

	@Operation(summary = "Rebuild the directory from the topics",
			description = "Answers at once (202); GET" + " /api/directory/lag follows the replay.")
	@PostMapping("/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DirectoryRebuild.Started rebuild() {
		return this.rebuild.rebuild();
	}

	@Operation(summary = "How far the directory is behind, by topic", description = "0 everywhere: up to date.")
	@GetMapping("/lag")
	Map<String, Long> lag() {
		return this.lag.lagByTopic();
	}

}
