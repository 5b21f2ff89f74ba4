package org.membership.support.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.membership.events.ConsumerGroup;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The dead-letter page's controller: the page it asks for, and what a person reads after
 * each outcome of a replay (the same {@link DeadLetters} as the API, here a stand-in
 * answering each outcome).
 */
class DeadLetterPagesTests {

	private static final String TOPIC = "onboarding.member-approved.directory-service-dlt";

	private final ConsumerGroup group = new ConsumerGroup("directory-service", List.of("onboarding.member-approved"));

	private final List<Pageable> asked = new ArrayList<>();

	private RuntimeException outcome;

	private final DeadLetters deadLetters = new DeadLetters(this.group, null, Map.of(), null, null, null, null, null) {

		@Override
		Page<DeadLetter> list(Pageable pageable) {
			DeadLetterPagesTests.this.asked.add(pageable);
			return new PageImpl<>(List.of(letter(false)), pageable, 1);
		}

		@Override
		DeadLetter replay(Address address, String by) {
			if (DeadLetterPagesTests.this.outcome != null) {
				throw DeadLetterPagesTests.this.outcome;
			}
			return letter(true);
		}

	};

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DeadLetterPages(this.deadLetters, this.group))
		.build();

	@Test
	void thePageListsOnePageOfTheDeadLettersNewestFirstAndNamesItsSection() throws Exception {
		this.mvc.perform(get("/staff/dead-letters").param("page", "2"))
			.andExpect(status().isOk())
			.andExpect(view().name("membership/dead-letters"))
			.andExpect(model().attribute("service", "directory-service"))
			.andExpect(model().attribute("staffSection", "directory-dead-letters"))
			.andExpect(model().attributeExists("page"));
		assertThat(this.asked).singleElement()
			.satisfies((pageable) -> assertThat(pageable.getPageNumber()).isEqualTo(2))
			.satisfies((pageable) -> assertThat(pageable.getPageSize()).isEqualTo(DeadLetterPages.PAGE_SIZE));
	}

	@Test
	void aReplayRedirectsBackToItsPageSayingItWasReplayed() throws Exception {
		this.mvc.perform(post("/staff/dead-letters/" + TOPIC + "/0/7/replay").param("page", "1"))
			.andExpect(redirectedUrl("/staff/dead-letters?page=1"))
			.andExpect(flash().attribute("message", "Replayed " + TOPIC + "/0/7: it is processed now."));
	}

	@Test
	void aSecondReplayIsReportedAsAlreadyReplayed() throws Exception {
		this.outcome = DeadLetterProblem.alreadyReplayed("replayed at 10:00 by staff");
		this.mvc.perform(post("/staff/dead-letters/" + TOPIC + "/0/7/replay"))
			.andExpect(redirectedUrl("/staff/dead-letters?page=0"))
			.andExpect(flash().attribute("error", "Already replayed: replayed at 10:00 by staff"));
	}

	@Test
	void aReplayThatFailsAgainIsReportedAsStillFailing() throws Exception {
		this.outcome = DeadLetterProblem.replayFailed("not Avro", null);
		this.mvc.perform(post("/staff/dead-letters/" + TOPIC + "/0/7/replay"))
			.andExpect(flash().attribute("error", "Still failing, not replayed: not Avro"));
	}

	@Test
	void aReplayOfNoSuchDeadLetterSaysSo() throws Exception {
		this.outcome = DeadLetterProblem.notFound("There is no dead letter at " + TOPIC + "/0/99");
		this.mvc.perform(post("/staff/dead-letters/" + TOPIC + "/0/99/replay"))
			.andExpect(flash().attribute("error", "Not replayed: There is no dead letter at " + TOPIC + "/0/99"));
	}

	private static DeadLetter letter(boolean replayed) {
		return new DeadLetter(TOPIC, 0, 7, "key", Instant.parse("2026-11-30T14:00:00Z"), "onboarding.member-approved",
				0, 3L, "java.lang.IllegalStateException", "boom", replayed,
				replayed ? Instant.parse("2026-11-30T14:05:00Z") : null, replayed ? "staff" : null);
	}

}
