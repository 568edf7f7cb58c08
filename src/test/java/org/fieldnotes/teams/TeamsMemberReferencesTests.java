package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldnotes.chat.ChatAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a Teams user is called in what people type: an Entra object id or a Teams user id, bare or after an @. */
class TeamsMemberReferencesTests {

	private static final String AAD = "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15";
	private static final String USER = "29:1AbC-dEf_GhIjKlMn";
	private final TeamsMemberReferences references = new TeamsMemberReferences();

	@Test
	void anEntraObjectIdOrATeamsUserIdIsAMember() {
		assertThat(references.account(AAD, "tenant")).contains(new ChatAccount("teams", "tenant", AAD));
		assertThat(references.account("@" + AAD.toUpperCase(), null)).contains(new ChatAccount("teams", null, AAD));
		assertThat(references.account(USER, null)).contains(new ChatAccount("teams", null, USER));
		assertThat(references.account(" @" + USER + " ", null)).contains(new ChatAccount("teams", null, USER));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ada@example.org", "Ada Lindqvist", "28:botid-12345678", "29:short", "8f2c41d0-5b7e",
			"w-3f2a9c", "x8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15" })
	void anythingElseIsNot(String word) {
		assertThat(references.account(word, null)).isEmpty();
	}

	@Test
	void mentionsAreReadInOrderEachOnce() {
		String text = "add @" + USER + " and @" + AAD + ", again @" + USER + "; not " + AAD + " bare, not <at>Ada</at>";

		assertThat(references.mentions(text, "tenant")).containsExactly(new ChatAccount("teams", "tenant", USER),
				new ChatAccount("teams", "tenant", AAD));
	}

	@Test
	void aMemberIsWrittenAsTheyAreRead() {
		ChatAccount account = new ChatAccount("teams", null, AAD);

		assertThat(references.account(references.written(account), null)).contains(account);
		assertThat(references.describe()).contains("Entra object id", "29:");
	}
}
