package org.membership.directory.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.membership.directory.DirectoryIntegrationTest;
import org.membership.stack.testing.SampleEvents;
import org.membership.stack.testing.TestProducer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The directory API and page over members published as events: search ignoring case and
 * diacritics, filters, paging, sorting, problem details for bad parameters. Every search
 * carries this class's token, so members of other tests (and of earlier runs on
 * PostgreSQL) never count.
 */
@DirectoryIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberApiIntegrationTests {

	private final String token = "zq" + UUID.randomUUID().toString().substring(0, 6);

	private final UUID romanian = UUID.randomUUID();

	private final UUID french = UUID.randomUUID();

	private final UUID german = UUID.randomUUID();

	@Autowired
	private TestRestTemplate http;

	@BeforeAll
	void publishMembers() {
		publish(this.romanian, "Asociația " + this.token + " Brașov", "RO", "FULL", LocalDate.of(2023, 1, 1));
		publish(this.french, this.token + " Société Numérique", "FR", "ASSOCIATE", LocalDate.of(2024, 6, 1));
		publish(this.german, this.token + " Zebra Technik", "DE", "FULL", LocalDate.of(2022, 3, 1));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ids(search("q=" + this.token))).hasSize(3));
	}

	private void publish(UUID id, String name, String country, String tier, LocalDate effectiveFrom) {
		TestProducer.send(SampleEvents.membershipEffective(id)
			.setOrganisation(SampleEvents.organisation(name).setLegalName(null).setCountry(country).build())
			.setTier(tier)
			.setEffectiveFrom(effectiveFrom)
			.build());
	}

	@Test
	void searchIgnoresCaseAndDiacritics() {
		assertThat(ids(search("q=asociatia " + this.token))).containsExactly(this.romanian.toString());
		assertThat(ids(search("q=ASOCIAȚIA " + this.token))).containsExactly(this.romanian.toString());
		assertThat(ids(search("q=" + this.token + " societe"))).containsExactly(this.french.toString());
		assertThat(ids(search("q=" + this.token + " Société"))).containsExactly(this.french.toString());
		assertThat(ids(search("q=brasov&country=RO"))).contains(this.romanian.toString());
	}

	@Test
	void searchFiltersByCountryAndTier() {
		assertThat(ids(search("q=" + this.token + "&country=FR"))).containsExactly(this.french.toString());
		assertThat(ids(search("q=" + this.token + "&country=de"))).containsExactly(this.german.toString());
		assertThat(ids(search("q=" + this.token + "&tier=FULL"))).containsExactlyInAnyOrder(this.romanian.toString(),
				this.german.toString());
		assertThat(ids(search("q=" + this.token + "&tier=ASSOCIATE&country=FR")))
			.containsExactly(this.french.toString());
		assertThat(ids(search("q=" + this.token + "&tier=ASSOCIATE&country=RO"))).isEmpty();
	}

	@Test
	void resultsArePagedAndSortedByNameOrMemberSince() {
		Map<String, Object> first = search("q=" + this.token + "&size=2&sort=name");
		assertThat(ids(first)).containsExactly(this.romanian.toString(), this.french.toString());
		assertThat(first.get("page")).isEqualTo(Map.of("size", 2, "number", 0, "totalElements", 3, "totalPages", 2));
		assertThat(ids(search("q=" + this.token + "&size=2&page=1&sort=name"))).containsExactly(this.german.toString());
		assertThat(ids(search("q=" + this.token + "&sort=memberSince,desc"))).containsExactly(this.french.toString(),
				this.romanian.toString(), this.german.toString());
		assertThat(ids(search("q=" + this.token + "&sort=memberSince"))).containsExactly(this.german.toString(),
				this.romanian.toString(), this.french.toString());
	}

	@Test
	void oneMemberByIdOr404() {
		Map<String, Object> member = this.http.getForObject("/api/members/" + this.french, Map.class);
		assertThat(member.keySet()).containsExactlyInAnyOrder("id", "name", "country", "city", "tier", "memberSince",
				"website", "memberCount", "description");
		assertThat(member.get("memberSince")).isEqualTo("2024-06-01");
		ResponseEntity<Map> missing = this.http.getForEntity("/api/members/" + UUID.randomUUID(), Map.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing.getBody()).containsEntry("status", 404);
	}

	@Test
	void badParametersAnswer400WithProblemDetails() {
		assertBadParameters("/api/members?country=ROU", "country");
		assertBadParameters("/api/members?country=XX", "country");
		assertBadParameters("/api/members?tier=GOLD", "tier");
		assertBadParameters("/api/members?q=" + "x".repeat(201), "q");
		ResponseEntity<Map> badId = this.http.getForEntity("/api/members/not-a-uuid", Map.class);
		assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badId.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat((List<Map<String, Object>>) badId.getBody().get("errors")).extracting((e) -> e.get("field"))
			.containsExactly("id");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/members", "/api/members/joining" })
	void thePagingPolicyAnswers400NamingEveryBadParameter(String list) {
		assertBadParameters(list + "?size=0", "size");
		assertBadParameters(list + "?size=101", "size");
		assertBadParameters(list + "?size=-1", "size");
		assertBadParameters(list + "?size=abc", "size");
		assertBadParameters(list + "?page=-1", "page");
		assertBadParameters(list + "?sort=foo", "sort");
		assertBadParameters(list + "?size=0&page=-1", "size", "page");
		Map<String, Object> problem = assertBadParameters(list + "?size=2000", "size");
		assertThat((List<Map<String, Object>>) problem.get("errors")).extracting((e) -> e.get("message"))
			.containsExactly("must be between 1 and 100");
		assertThat(this.http.getForEntity(list + "?size=100&page=0", Map.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPageHasTwentyMembersUnlessTheClientAsksForAnotherSize() {
		for (String list : List.of("/api/members", "/api/members/joining")) {
			Map<String, Object> page = (Map<String, Object>) this.http.getForObject(list, Map.class).get("page");
			assertThat(page).as(list).containsEntry("size", 20);
		}
	}

	@Test
	void badFiltersAreListedWithBadPagingParameters() {
		assertBadParameters("/api/members?tier=gold&country=xx&size=0&sort=website", "tier", "country", "size", "sort");
	}

	@Test
	void summaryCountsMembersByCountryAndTier() {
		Map<?, ?> summary = this.http.getForObject("/api/members/summary", Map.class);
		assertThat(((Number) summary.get("total")).longValue()).isGreaterThanOrEqualTo(3);
		assertThat((List<Map<String, Object>>) summary.get("byCountry")).extracting((c) -> c.get("country"))
			.contains("RO", "FR", "DE");
		assertThat((List<Map<String, Object>>) summary.get("byTier")).extracting((t) -> t.get("tier"))
			.containsSubsequence("FULL", "ASSOCIATE");
	}

	@Test
	void theDirectoryPagesPagerKeepsTheSearch() {
		String link = "/members?q=" + this.token + "&amp;country=&amp;tier=&amp;sort=name,asc&amp;size=2&amp;page=";
		String first = this.http.getForObject("/members?q=" + this.token + "&size=2&sort=name", String.class);
		assertThat(first).contains("<span>Page 1 of 2</span>")
			.contains("<a href=\"" + link + "1\">Next</a>")
			.doesNotContain(">Previous</a>");
		String second = this.http.getForObject("/members?q=" + this.token + "&size=2&sort=name&page=1", String.class);
		assertThat(second).contains("<span>Page 2 of 2</span>")
			.contains(this.token + " Zebra Technik")
			.contains("<a href=\"" + link + "0\">Previous</a>")
			.doesNotContain(">Next</a>");
	}

	@Test
	void theDirectoryPageSearchesAndShowsTheSummary() {
		String page = this.http.getForObject("/members?q=asociatia " + this.token, String.class);
		assertThat(page).contains("Asociația " + this.token + " Brașov")
			.doesNotContain(this.token + " Zebra Technik")
			.contains("By country")
			.contains("class=\"bar\"");
		assertThat(page).as("the shared layout")
			.contains("href=\"/membership/site.css\"")
			.contains("<nav class=\"site-nav\" aria-label=\"Main\">")
			.contains("aria-current=\"page\"")
			.contains("href=\"http://127.0.0.1:8081/\"")
			.contains("type=\"application/atom+xml\"")
			.containsPattern("value=\"asociatia [^\"]+\"");
		String id = page.replaceAll("(?s).*href=\"/members/([0-9a-f-]{36})\".*", "$1");
		String member = this.http.getForObject("/members/" + id, String.class);
		assertThat(member).contains("Asociația " + this.token + " Brașov")
			.contains("/announcements/members/" + id)
			.contains("<main id=\"main\"");
		assertThat(this.http.getForEntity("/members/" + UUID.randomUUID(), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.http.getForEntity("/members/not-an-id", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<String> root = this.http.getForEntity("/", String.class);
		assertThat(
				root.getStatusCode().is3xxRedirection() ? root.getHeaders().getLocation().toString() : root.getBody())
			.as("the root leads to the directory")
			.contains("/members");
		assertThat(this.http.getForEntity("/membership/site.css", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<String> bad = this.http.getForEntity("/members?country=Romania", String.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).contains("ISO 3166-1");
	}

	private Map<String, Object> assertBadParameters(String uri, String... parameters) {
		ResponseEntity<Map> response = this.http.getForEntity(uri, Map.class);
		assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("type", "urn:membership:problem:invalid-input");
		assertThat((List<Map<String, Object>>) response.getBody().get("errors")).as(uri)
			.extracting((e) -> e.get("field"))
			.containsExactlyInAnyOrder((Object[]) parameters);
		return response.getBody();
	}

	private Map<String, Object> search(String query) {
		ResponseEntity<Map> response = this.http.getForEntity("/api/members?" + query, Map.class);
		assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(Map<String, Object> page) {
		return ((List<Map<String, Object>>) page.get("content")).stream().map((m) -> (String) m.get("id")).toList();
	}

}
