package org.membership.directory.member;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebsitesTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://www.clujit.ro", "http://example.org/path?q=1", "HTTPS://EXAMPLE.ORG" })
	void keepsAbsoluteHttpUrls(String website) {
		assertThat(Websites.httpOrNull(website)).isEqualTo(website);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JavaScript:alert(document.cookie)",
			"data:text/html,<script>x</script>", "vbscript:msgbox", "//evil.example", "www.example.org",
			"https://user:pw@example.org", "ftp://example.org", "https://exa mple.org", " " })
	void dropsEverythingElse(String website) {
		assertThat(Websites.httpOrNull(website)).isNull();
	}

}
