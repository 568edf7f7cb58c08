package org.fieldnotes.signoff;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.placement.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Green, Amber and Red buttons under a week sent to its manager for sign-off, for every chat adapter: the value
 * is {@code <placement id>|<week start>}. Pressing one opens the sign-off form with that rating and an optional
 * comment ({@link WeekSignOffForms}); the week is signed off when the form is submitted. Anyone but the placement's
 * manager is refused and nothing opens.
 */
@Component
public class WeekSignOffButtons {

	public static final String GREEN = "week_signoff_green";
	public static final String AMBER = "week_signoff_amber";
	public static final String RED = "week_signoff_red";
	/** The prefix of the three action ids (Bolt registers them by pattern). */
	public static final String PREFIX = "week_signoff_";

	private final WeekSignOffs signOffs;
	private final AccessPolicy access;
	private final Languages languages;
	private final MessageSource messages;

	WeekSignOffButtons(WeekSignOffs signOffs, AccessPolicy access, Languages languages, MessageSource messages) {
		this.signOffs = signOffs;
		this.access = access;
		this.languages = languages;
		this.messages = messages;
	}

	/** Whether the action id is one of these buttons. */
	public static boolean handles(String actionId) {
		return GREEN.equals(actionId) || AMBER.equals(actionId) || RED.equals(actionId);
	}

	static String value(String placementId, LocalDate weekStart) {
		return placementId + "|" + weekStart;
	}

	/** A placement id and week start from a button value or form metadata; empty when it is not one. */
	static Optional<Object[]> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String[] parts = value.split("\\|");
		if (parts.length < 2) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Object[] { parts[0], LocalDate.parse(parts[1]) });
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/**
	 * What pressing does: the sign-off form with the button's rating, or why not. Empty when the action id is not one
	 * of these buttons.
	 */
	public Optional<FormOpening> press(ChatAccount member, String actionId, String value) {
		if (!handles(actionId)) {
			return Optional.empty();
		}
		Locale locale = languages.of(member);
		Rating rating = Rating.valueOf(actionId.substring(PREFIX.length()).toUpperCase(Locale.ROOT));
		Optional<Object[]> week = parse(value);
		if (week.isEmpty()) {
			return Optional.of(FormOpening.instead(ChatMessage.text(t("signoff.gone", locale))));
		}
		WeekSignOffs.Outcome outcome = signOffs.check((String) week.get()[0], (LocalDate) week.get()[1],
				access.member(member), Operation.WEEK_SIGNOFF_BUTTON);
		return Optional.of(switch (outcome.status()) {
			case ALLOWED -> FormOpening.of(Form.builder(WeekSignOffForms.ID, t("signoff.form.title", locale,
					outcome.week().number()))
				.metadata(value + "|" + rating.name())
				.submit(t("signoff.form.submit", locale))
				.cancel(t("modal.cancel", locale))
				.note(t("signoff.form.rating", locale, outcome.participantFirstName(), outcome.week().number(),
						t("signoff.rating." + rating.key(), locale)))
				.field(Form.Field.longText(WeekSignOffForms.COMMENT, t("signoff.form.comment", locale))
					.optional().maxLength(WeekSignOffs.MAX_COMMENT))
				.build());
			case ALREADY_SIGNED -> FormOpening.instead(ChatMessage.text(t("signoff.already", locale,
					outcome.participantFirstName(), outcome.week().number())));
			case REFUSED -> FormOpening.instead(ChatMessage.text(t("signoff.refused", locale)));
			default -> FormOpening.instead(ChatMessage.text(t("signoff.gone", locale)));
		});
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
