package org.fieldnotes.endreport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Option;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The end-of-placement report's forms, on every chat platform: the participant's ({@value #ID}: five long text
 * sections, drafted from their logbook the first time, and a box to send it to the manager for approval; its
 * metadata is {@code <placement id>:<version opened>}) and the manager's comment when returning it
 * ({@value #RETURN_ID}; metadata: the placement id).
 */
@Component
public class EndReportForms implements FormHandler {

	/** The participant's report form. */
	public static final String ID = "end_report";
	/** The manager's "return with a comment" form. */
	public static final String RETURN_ID = "end_report_return";
	static final String SEND = "send", SEND_YES = "submit", COMMENT = "comment";
	static final int MAX_COMMENT = 2000;

	private final EndReports reports;
	private final AccessPolicy access;
	private final Languages languages;
	private final MessageSource messages;

	EndReportForms(EndReports reports, AccessPolicy access, Languages languages, MessageSource messages) {
		this.reports = reports;
		this.access = access;
		this.languages = languages;
		this.messages = messages;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID, RETURN_ID);
	}

	/** {@code /fieldnotes report}: the member's report form, or why there is none. */
	public FormOpening open(ChatAccount member) {
		Locale locale = languages.of(member);
		Optional<Placement> placement = reports.placementOf(member);
		if (placement.isEmpty()) {
			return FormOpening.instead(ChatMessage.text(t("endReport.notParticipant", locale)));
		}
		EndReport report = reports.currentOrDraft(placement.get(), locale);
		if (report.state() == EndReportState.SUBMITTED || report.state() == EndReportState.APPROVED) {
			reports.remindManager(report, placement.get());
			return FormOpening.instead(state(report, placement.get(), locale));
		}
		String manager = placement.get().getManager() == null ? "—" : placement.get().getManager().name();
		Form.Builder form = Form.builder(ID, t("endReport.form.title", locale))
			.metadata(placement.get().getId() + ":" + report.version())
			.submit(t("endReport.form.submit", locale))
			.cancel(t("modal.cancel", locale))
			.note(report.version() == 0 ? t("endReport.form.drafted", locale) : t("endReport.form.saved", locale));
		if (report.state() == EndReportState.RETURNED && report.returnComment() != null) {
			form.note(t("endReport.form.returned", locale, manager, report.returnComment()));
		}
		report.sections().byId().forEach((id, words) -> form.field(Form.Field.longText(id,
				t("endReport.section." + id, locale)).optional().maxLength(EndReportSections.MAX)
			.initial(words.isEmpty() ? null : words)));
		form.field(Form.Field.checkboxes(SEND, t("endReport.form.send", locale),
				List.of(new Option(SEND_YES, t("endReport.form.sendOption", locale, manager)))).optional());
		return FormOpening.of(form.build());
	}

	/** What the participant is told about a report they cannot edit now (with the manager, or approved). */
	ChatMessage state(EndReport report, Placement placement, Locale locale) {
		String manager = placement.getManager() == null ? "—" : placement.getManager().name();
		return ChatMessage.text(report.state() == EndReportState.APPROVED
				? t("endReport.state.approved", locale, manager) : t("endReport.state.submitted", locale, manager));
	}

	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		return RETURN_ID.equals(submission.formId()) ? returned(member, submission) : report(member, submission);
	}

	private FormOutcome report(ChatAccount member, FormSubmission submission) {
		Locale locale = languages.of(member);
		String metadata = submission.metadata() == null ? "" : submission.metadata();
		int colon = metadata.lastIndexOf(':');
		long version;
		try {
			version = Long.parseLong(metadata.substring(colon + 1));
		}
		catch (NumberFormatException | IndexOutOfBoundsException e) {
			return FormOutcome.invalid(EndReportSections.IDS.get(0), t("endReport.gone", locale));
		}
		String placementId = metadata.substring(0, Math.max(0, colon));
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (String id : EndReportSections.IDS) {
			String text = submission.value(id);
			if (text != null && text.strip().length() > EndReportSections.MAX) {
				errors.put(id, t("endReport.tooLong", locale, EndReportSections.MAX, text.strip().length()));
			}
			values.put(id, text);
		}
		boolean submit = submission.valuesOf(SEND).contains(SEND_YES);
		EndReportSections sections = EndReportSections.of(values);
		if (submit && sections.byId().values().stream().allMatch(String::isBlank)) {
			errors.put(EndReportSections.IDS.get(0), t("endReport.empty", locale));
		}
		if (!errors.isEmpty()) {
			return FormOutcome.invalid(errors);
		}
		EndReports.Outcome outcome = reports.save(member, placementId, version, sections, submit, member.platform());
		return switch (outcome.status()) {
			case SAVED, SUBMITTED -> FormOutcome.replacedBy(Form.builder(ID + "_saved", t("endReport.form.title", locale))
				.cancel(t("endReport.close", locale))
				.text(outcome.status() == EndReports.Status.SUBMITTED
						? t("endReport.submitted", locale, outcome.placement().getManager().name())
						: t("endReport.saved", locale))
				.build(), null);
			case NO_MANAGER -> FormOutcome.invalid(SEND, t("endReport.noManager", locale));
			case NOT_EDITABLE -> FormOutcome.invalid(EndReportSections.IDS.get(0), t("endReport.notEditable", locale));
			case CHANGED_ELSEWHERE -> FormOutcome.invalid(EndReportSections.IDS.get(0), t("endReport.changed", locale));
			case REFUSED -> FormOutcome.invalid(EndReportSections.IDS.get(0), t("endReport.notYours", locale));
			default -> FormOutcome.invalid(EndReportSections.IDS.get(0), t("endReport.gone", locale));
		};
	}

	/** The manager's Return button: the comment form, or why there is none. */
	FormOpening openReturn(ChatAccount member, String placementId) {
		Locale locale = languages.of(member);
		EndReports.Outcome allowed = reports.access(placementId, access.member(member),
				Operation.END_REPORT_RETURN_BUTTON);
		if (allowed.status() != EndReports.Status.ALLOWED) {
			return FormOpening.instead(ChatMessage.text(t(refusal(allowed.status()), locale)));
		}
		if (allowed.report().state() != EndReportState.SUBMITTED) {
			return FormOpening.instead(ChatMessage.text(t("endReport.already", locale,
					allowed.participantFirstName())));
		}
		return FormOpening.of(Form.builder(RETURN_ID, t("endReport.return.title", locale))
			.metadata(placementId)
			.submit(t("endReport.return.submit", locale))
			.cancel(t("modal.cancel", locale))
			.field(Form.Field.longText(COMMENT, t("endReport.return.comment", locale))
				.hint(t("endReport.return.hint", locale, allowed.participantFirstName()))
				.maxLength(MAX_COMMENT))
			.build());
	}

	private FormOutcome returned(ChatAccount member, FormSubmission submission) {
		Locale locale = languages.of(member);
		String comment = submission.value(COMMENT);
		if (comment == null || comment.isBlank()) {
			return FormOutcome.invalid(COMMENT, t("endReport.return.empty", locale));
		}
		if (comment.strip().length() > MAX_COMMENT) {
			return FormOutcome.invalid(COMMENT, t("endReport.tooLong", locale, MAX_COMMENT, comment.strip().length()));
		}
		EndReports.Outcome outcome = reports.decide(submission.metadata(), false, comment, access.member(member),
				Operation.END_REPORT_RETURN_FORM, member.platform());
		return switch (outcome.status()) {
			case RETURNED -> FormOutcome.replacedBy(Form.builder(RETURN_ID + "_sent", t("endReport.return.title", locale))
				.cancel(t("endReport.close", locale))
				.text(t("endReport.decided.RETURNED", locale, outcome.participantFirstName()))
				.build(), null);
			case ALREADY_DECIDED -> FormOutcome.invalid(COMMENT, t("endReport.already", locale,
					outcome.participantFirstName()));
			default -> FormOutcome.invalid(COMMENT, t(refusal(outcome.status()), locale));
		};
	}

	static String refusal(EndReports.Status status) {
		return status == EndReports.Status.GONE ? "endReport.gone" : "endReport.refused";
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
