package org.fieldnotes.endreport;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.placement.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Approve and Return buttons under an end-of-placement report sent to the manager, for every chat adapter: the
 * value is the placement id. Approve decides at once; Return opens the comment form ({@link EndReportForms}).
 * Adapters route the action id here and show the answer (or open the form) their way.
 */
@Component
public class EndReportButtons {

	public static final String APPROVE = "end_report_approve";
	public static final String RETURN = "end_report_return";

	private final EndReports reports;
	private final EndReportForms forms;
	private final AccessPolicy access;
	private final Languages languages;
	private final MessageSource messages;

	EndReportButtons(EndReports reports, EndReportForms forms, AccessPolicy access, Languages languages,
			MessageSource messages) {
		this.reports = reports;
		this.forms = forms;
		this.access = access;
		this.languages = languages;
		this.messages = messages;
	}

	/** Whether the action id is one of these buttons. */
	public static boolean handles(String actionId) {
		return APPROVE.equals(actionId) || RETURN.equals(actionId);
	}

	/**
	 * What pressing does: Return opens the comment form (or answers why not); Approve approves and answers. Empty
	 * when the action id is not one of these buttons.
	 */
	public Optional<FormOpening> press(ChatAccount member, String actionId, String placementId) {
		if (RETURN.equals(actionId)) {
			return Optional.of(forms.openReturn(member, placementId));
		}
		if (!APPROVE.equals(actionId)) {
			return Optional.empty();
		}
		Locale locale = languages.of(member);
		EndReports.Outcome outcome = reports.decide(placementId, true, null, access.member(member),
				Operation.END_REPORT_APPROVE_BUTTON, member.platform());
		String answer = switch (outcome.status()) {
			case APPROVED -> t("endReport.decided.APPROVED", locale, outcome.participantFirstName());
			case ALREADY_DECIDED -> t("endReport.already", locale, outcome.participantFirstName());
			default -> t(EndReportForms.refusal(outcome.status()), locale);
		};
		return Optional.of(FormOpening.instead(ChatMessage.text(answer)));
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
