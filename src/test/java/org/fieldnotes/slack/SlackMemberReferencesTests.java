package org.fieldnotes.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.fieldnotes.chat.ChatAccount;
import org.junit.jupiter.api.Test;

/** The Slack adapter reads a member as Slack's people write one, and nothing else. */
class SlackMemberReferencesTests {

	private final SlackMemberReferences slack = new SlackMemberReferences();

	@Test
	void aMentionAHandedOnMentionOrABareMemberIdIsAMember() {
		ChatAccount ada = new ChatAccount("slack", "T1", "U012ADA");
		assertThat(slack.account("<@U012ADA|ada>", "T1")).hasValue(ada);
		assertThat(slack.account("<@U012ADA>", "T1")).hasValue(ada);
		assertThat(slack.account("@U012ADA", "T1")).hasValue(ada);
		assertThat(slack.account("U012ADA", "T1")).hasValue(ada);
		assertThat(slack.account(" U012ADA ", null)).hasValue(new ChatAccount("slack", null, "U012ADA"));
		// Enterprise Grid member ids
		assertThat(slack.account("W012ADA", null)).hasValue(new ChatAccount("slack", null, "W012ADA"));
	}

	@Test
	void anythingElseIsNot() {
		assertThat(slack.account("ada", null)).isEmpty();
		assertThat(slack.account("u012ada", null)).isEmpty();
		assertThat(slack.account("ada@scania.example", null)).isEmpty();
		assertThat(slack.account("email:ada@scania.example", null)).isEmpty();
		assertThat(slack.account("@ada", null)).isEmpty();
		assertThat(slack.account("U0", null)).as("too short").isEmpty();
		assertThat(slack.account("C012CHANNEL", null)).as("a channel, not a member").isEmpty();
		assertThat(slack.account("w-ada", null)).isEmpty();
	}

	@Test
	void theMentionsOfATextComeInOrderEachOnce() {
		assertThat(slack.mentions("pause <@UBO|bo> and @UADA, then <@UBO> again; not U999 or ada@x.example", "T1"))
			.containsExactly(new ChatAccount("slack", "T1", "UBO"), new ChatAccount("slack", "T1", "UADA"));
		assertThat(slack.mentions("nobody here", null)).isEmpty();
	}

	@Test
	void aMemberIsWrittenAsAMentionAndTheFormatIsDescribedForErrors() {
		assertThat(slack.written(new ChatAccount("slack", "T1", "U012ADA"))).isEqualTo("@U012ADA");
		assertThat(slack.describe()).startsWith("a Slack member id").contains("U012ABCDEF");
		assertThat(slack.platform()).isEqualTo("slack");
	}
}
