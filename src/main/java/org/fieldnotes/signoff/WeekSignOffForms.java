package org.fieldnotes.signoff;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.placement.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The manager's sign-off form ({@value #ID}), on every chat platform: the rating chosen with the button and an
 * optional comment; its metadata is {@code <placement id>|<week start>|<RATING>}. Submitting signs the week off
 * (checked again: only the placement's manager, once).
 */
@Component
class WeekSignOffForms implements FormHandler {

	static final String ID = "week_signoff";
	static final String COMMENT = "comment";

	private final WeekSignOffs signOffs;
	private final AccessPolicy access;
	private final Languages languages;
	private final MessageSource messages;

	WeekSignOffForms(WeekSignOffs signOffs, AccessPolicy access, Languages languages, MessageSource messages) {
		this.signOffs = signOffs;
		this.access = access;
		this.languages = languages;
		this.messages = messages;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID);
	}

	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		Locale locale = languages.of(member);
		String metadata = submission.metadata() == null ? "" : submission.metadata();
		Optional<Object[]> week = WeekSignOffButtons.parse(metadata);
		Optional<Rating> rating = Rating.parse(metadata.substring(metadata.lastIndexOf('|') + 1));
		if (week.isEmpty() || rating.isEmpty()) {
			return FormOutcome.invalid(COMMENT, t("signoff.gone", locale));
		}
		String comment = submission.value(COMMENT);
		if (comment != null && comment.strip().length() > WeekSignOffs.MAX_COMMENT) {
			return FormOutcome.invalid(COMMENT, t("signoff.tooLong", locale, WeekSignOffs.MAX_COMMENT,
					comment.strip().length()));
		}
		WeekSignOffs.Outcome outcome = signOffs.signOff((String) week.get()[0], (LocalDate) week.get()[1],
				rating.get(), comment, access.member(member), Operation.WEEK_SIGNOFF_FORM, member.platform());
		return switch (outcome.status()) {
			case SIGNED -> FormOutcome.replacedBy(Form.builder(ID + "_done", t("signoff.form.title", locale,
					outcome.week().number()))
				.cancel(t("signoff.close", locale))
				.text(t("signoff.done", locale, outcome.participantFirstName(), outcome.week().number(),
						t("signoff.rating." + rating.get().key(), locale)))
				.build(), null);
			case ALREADY_SIGNED -> FormOutcome.invalid(COMMENT, t("signoff.already", locale,
					outcome.participantFirstName(), outcome.week().number()));
			case REFUSED -> FormOutcome.invalid(COMMENT, t("signoff.refused", locale));
			default -> FormOutcome.invalid(COMMENT, t("signoff.gone", locale));
		};
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
