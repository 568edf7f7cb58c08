package org.fieldnotes.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;
import static org.fieldnotes.support.RecordingMessenger.words;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.fieldnotes.digest.DigestChannel;
import org.fieldnotes.digest.DigestPreferences;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The commands that open a form instead of answering in text, through the chat port: {@code status}, {@code digest
 * settings} and {@code enroll} alone (for admins). The digest-settings form is prefilled with what is set and changes
 * it like the command; the enrolment form enrols like the command, with each error on its field in the admin's
 * language, and nothing stored unless everything is right.
 */
class CommandFormsTests extends IntegrationTest {

	private static final String ADA = "UADA";
	private static final String ADMIN = "UADMIN1";

	@Autowired
	CommandForms forms;

	@Autowired
	DigestSettingsForm digestSettings;

	@Autowired
	EnrolmentForms enrolment;

	@Autowired
	DigestPreferences preferences;

	@Test
	void whichCommandsOpenAForm() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(forms.forText(slack(ADA), " STATUS ").orElseThrow().opening().form().id()).isEqualTo("status_update");
		assertThat(forms.forText(slack("UMAJA"), "digest   settings").orElseThrow().opening().form().id())
			.isEqualTo("fieldnotes_digest_settings");
		assertThat(forms.forText(slack(ADMIN), "enroll").orElseThrow().opening().form().id()).isEqualTo("fieldnotes_enrol");
		assertThat(forms.forText(slack(ADA), "enroll")).as("only admins get the enrolment form").isEmpty();
		assertThat(forms.forText(slack(ADA), "digest settings").orElseThrow().opening().instead().summary())
			.startsWith("You have no digest");
		assertThat(forms.forText(slack(ADA), "log status")).isEmpty();
		assertThat(words(forms.forText(slack(ADMIN), "enroll").orElseThrow().openFailed().apply("expired_trigger_id")))
			.contains("expired_trigger_id").contains("/fieldnotes enroll @person");
	}

	@Test
	void theDigestSettingsFormIsPrefilledAndChangesTheSettings() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		Form form = digestSettings.open(slack("UMAJA")).form();

		assertThat(form.fields()).extracting(Form.Field::id).containsExactly("day", "time", "channel");
		assertThat(form.field("day").orElseThrow().initial()).isEqualTo("MONDAY");
		assertThat(form.field("time").orElseThrow().initial()).isEqualTo("08:00");
		assertThat(form.field("channel").orElseThrow().options()).extracting(Option::value).containsExactly("CHAT");
		assertThat(form.elements()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Form.Note.class,
				n -> assertThat(n.text()).startsWith("E-mail is not set up on this Fieldnotes")));

		FormOutcome outcome = digestSettings.submit(slack("UMAJA"), settings("TUESDAY", "09:30", "CHAT", null));
		outcome.then().run();

		assertThat(outcome.valid()).isTrue();
		assertThat(preferences.current(slack("UMAJA")).orElseThrow().day()).isEqualTo(DayOfWeek.TUESDAY);
		assertThat(sent().messagesTo(slack("UMAJA"))).singleElement()
			.satisfies(m -> assertThat(words(m)).startsWith("Digest settings saved. Next digest: Tue 8 Dec 09:30"));
		// a form opened before the chat channel was renamed sends SLACK: it still saves, as the chat
		assertThat(digestSettings.submit(slack("UMAJA"), settings("WEDNESDAY", "09:30", "SLACK", null)).valid()).isTrue();
		assertThat(preferences.current(slack("UMAJA")).orElseThrow()).satisfies(current -> {
			assertThat(current.day()).isEqualTo(DayOfWeek.WEDNESDAY);
			assertThat(current.channel()).isEqualTo(DigestChannel.CHAT);
		});
	}

	@Test
	void aBadDigestSettingIsShownOnItsField() {
		enrol(ADA, "2026-11-02", "2027-04-30");

		assertThat(digestSettings.submit(slack(ADA), settings("FRIDAY", "16:00", "SLACK", null)).errors())
			.containsOnlyKeys("day");
		assertThat(digestSettings.submit(slack("UMAJA"), settings("FRIDAY", "16:00", "EMAIL", "not-an-address")).errors())
			.containsExactly(Map.entry("address", "“not-an-address” is not an e-mail address. Write it like you@example.org."));
		assertThat(preferences.current(slack("UMAJA")).orElseThrow().day()).isEqualTo(DayOfWeek.MONDAY);
	}

	@Test
	void theEnrolmentFormEnrolsAndConfirmsToTheAdmin() {
		Form form = enrolment.form(slack(ADMIN));
		assertThat(form.field("participant").orElseThrow().kind()).isEqualTo(Form.Kind.MEMBER);
		assertThat(form.field("work-days").orElseThrow().initialValues()).containsExactly("MONDAY", "TUESDAY",
				"WEDNESDAY", "THURSDAY", "FRIDAY");

		FormOutcome outcome = enrolment.submit(slack(ADMIN), enrolment(Map.of("participant", "UADA", "program", "KTP 2026",
				"host", "Scania", "start", "2026-12-01", "end", "2027-05-31", "manager", "UMAJA",
				"academic-coach-email", "anders@kth.example")));
		outcome.then().run();

		assertThat(outcome.valid()).isTrue();
		assertThat(mongo.getCollection("placements").countDocuments()).isEqualTo(1);
		assertThat(sent().messagesTo(slack(ADMIN))).singleElement()
			.satisfies(m -> assertThat(words(m)).contains("Enrolled Some One in KTP 2026 at Scania"));
	}

	@Test
	void enrolmentErrorsAreOnTheirFieldsAndNothingIsStored() {
		assertThat(enrolment.submit(slack(ADMIN), enrolment(Map.of("participant", "UADA", "business-coach", "UBEATA",
				"business-coach-email", "beata@scania.example"))).errors())
			.containsExactly(Map.entry("business-coach", "Pick someone or give an e-mail address, not both."));
		assertThat(enrolment.submit(slack(ADMIN), enrolment(Map.of("participant", "UADA", "program", "KTP", "host", "Scania",
				"start", "2027-06-30", "end", "2027-01-01"))).errors())
			.containsEntry("end", "The end date (1 Jan 2027) is before the start date (30 Jun 2027).")
			.containsEntry("manager", "The manager is missing.");
		assertThat(enrolment.submit(slack(ADA), enrolment(Map.of("participant", "UADA"))).errors())
			.containsOnlyKeys("participant");
		assertThat(mongo.getCollection("placements").countDocuments()).isZero();
	}

	private static FormSubmission settings(String day, String time, String channel, String address) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("day", List.of(day));
		values.put("time", List.of(time));
		values.put("channel", List.of(channel));
		if (address != null) {
			values.put("address", List.of(address));
		}
		return new FormSubmission("fieldnotes_digest_settings", null, "k", values);
	}

	private static FormSubmission enrolment(Map<String, String> values) {
		Map<String, List<String>> given = new LinkedHashMap<>();
		values.forEach((field, value) -> given.put(field, List.of(value)));
		return new FormSubmission("fieldnotes_enrol", null, "k", given);
	}
}
