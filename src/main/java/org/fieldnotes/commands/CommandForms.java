package org.fieldnotes.commands;

import java.util.Optional;
import java.util.function.Function;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.endreport.EndReportForms;
import org.fieldnotes.logbook.StatusForms;
import org.fieldnotes.placement.Languages;
import org.springframework.stereotype.Service;

/**
 * The {@code /fieldnotes} commands that open a form instead of answering in text: {@code status} (the status-update
 * form), {@code digest settings} alone (the digest settings), {@code enroll} alone (the enrolment form, for those
 * who may enrol), {@code change @person} alone (the change form, pre-filled, for admins) and {@code report} (the
 * participant's end-of-placement report). Asked before the command goes to {@link Commands}: on a chat platform only
 * the command itself can
 * open a form (on Slack its {@code trigger_id} is good for 3 seconds).
 */
@Service
public class CommandForms {

	private final StatusForms statusForms;
	private final DigestSettingsForm digestSettings;
	private final EnrolmentForms enrolment;
	private final ChangeForms change;
	private final Replies replies;
	private final Languages languages;
	private final EndReportForms endReport;

	CommandForms(StatusForms statusForms, DigestSettingsForm digestSettings, EnrolmentForms enrolment,
			ChangeForms change, Replies replies, Languages languages, EndReportForms endReport) {
		this.endReport = endReport;
		this.change = change;
		this.statusForms = statusForms;
		this.digestSettings = digestSettings;
		this.enrolment = enrolment;
		this.replies = replies;
		this.languages = languages;
	}

	/**
	 * A form to open (or why there is none), and what to answer if the platform cannot open it.
	 * @param openFailed the answer when the platform could not open the form, from its short error code
	 */
	public record CommandForm(FormOpening opening, Function<String, ChatMessage> openFailed) {
	}

	/**
	 * The form that {@code /fieldnotes <text>} asks for; empty when the text is a command answered in text.
	 * @param text what the person typed after {@code /fieldnotes}
	 */
	public Optional<CommandForm> forText(ChatAccount member, String text) {
		if (text.strip().equalsIgnoreCase("status")) {
			return Optional.of(new CommandForm(statusForms.open(member), reason -> replies
				.text("status.openFailed", languages.of(member))));
		}
		if (DigestSettingsForm.asked(text)) {
			return Optional.of(new CommandForm(digestSettings.open(member),
					reason -> digestSettings.openFailed(member, reason)));
		}
		if (enrolment.asked(member, text)) {
			return Optional.of(new CommandForm(FormOpening.of(enrolment.form(member)),
					reason -> enrolment.openFailed(member, reason)));
		}
		if (change.asked(member, text)) {
			return Optional.of(new CommandForm(change.open(member, text), reason -> change.openFailed(member, reason)));
		}
		if (text.strip().equalsIgnoreCase("report")) {
			return Optional.of(new CommandForm(endReport.open(member), reason -> replies
				.text("endReport.openFailed", languages.of(member))));
		}
		return Optional.empty();
	}
}
