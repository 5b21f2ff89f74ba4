package org.membership.directory.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	@Test
	void removesDiacriticsAndCase() {
		assertThat(SearchText.normalize("Asociația CLUJ IT")).isEqualTo("asociatia cluj it");
		assertThat(SearchText.normalize("Société Numérique")).isEqualTo("societe numerique");
		assertThat(SearchText.normalize("Brașov  Ţara")).isEqualTo("brasov tara");
	}

	@Test
	void spellsOutLettersThatDoNotDecompose() {
		assertThat(SearchText.normalize("Łódź Øresund Straße")).isEqualTo("lodz oresund strasse");
	}

	@Test
	void treatsNothingAsEmpty() {
		assertThat(SearchText.normalize(null)).isEmpty();
		assertThat(SearchText.normalize("   ")).isEmpty();
	}

}
