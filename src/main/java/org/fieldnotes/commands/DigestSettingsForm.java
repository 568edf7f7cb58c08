package org.fieldnotes.commands;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOpening;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.Option;
import org.fieldnotes.digest.DigestChannel;
import org.fieldnotes.digest.DigestPreferences;
import org.fieldnotes.placement.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes digest settings} with nothing after it: the digest settings as a form, prefilled with what is
 * set (day, time, channel). E-mail is offered with the address Fieldnotes knows (from the settings, the placement or
 * the chat profile); when it knows none, with a field to give one. Without a mail server only the chat is offered.
 * The submission goes through {@link DigestPreferences} like the command; a bad or missing address is shown on its
 * field, in the person's language; on success the form closes and a message says when the next digest comes.
 */
@Component
public class DigestSettingsForm implements FormHandler {

	/** The form's id. */
	public static final String ID = "fieldnotes_digest_settings";
	/** Its fields. */
	public static final String DAY = "day", TIME = "time", CHANNEL = "channel", ADDRESS = "address";
	private static final Logger log = LoggerFactory.getLogger(DigestSettingsForm.class);

	private final DigestPreferences settings;
	private final DigestSettingsText text;
	private final Replies replies;
	private final Languages languages;
	private final Messenger messenger;

	DigestSettingsForm(DigestPreferences settings, DigestSettingsText text, Replies replies, Languages languages,
			Messenger messenger) {
		this.settings = settings;
		this.text = text;
		this.replies = replies;
		this.languages = languages;
		this.messenger = messenger;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(ID);
	}

	/** Whether {@code /fieldnotes <text>} asks for this form. */
	static boolean asked(String text) {
		return text.strip().replaceAll("\\s+", " ").equalsIgnoreCase("digest settings");
	}

	/** The form; someone with no digest is told so instead. */
	public FormOpening open(ChatAccount member) {
		Locale locale = localeOf(member);
		Optional<DigestPreferences.Current> current = settings.current(member);
		if (current.isEmpty()) {
			return FormOpening.instead(ChatMessage.text(replies.t("digest.preview.none", locale)));
		}
		String email = current.get().email() != null ? current.get().email() : settings.knownEmail(member).orElse(null);
		return FormOpening.of(form(current.get(), email, locale));
	}

	/** What to say when the platform could not open the form ({@code reason}: its short error code). */
	ChatMessage openFailed(ChatAccount member, String reason) {
		return ChatMessage.text(replies.t("digestsettings.form.openFailed", localeOf(member), reason));
	}

	Form form(DigestPreferences.Current current, String email, Locale locale) {
		List<Option> days = new ArrayList<>();
		for (DayOfWeek d : DayOfWeek.values()) {
			days.add(new Option(d.name(), capitalised(d.getDisplayName(TextStyle.FULL, locale), locale)));
		}
		List<Option> channels = new ArrayList<>();
		channels.add(new Option(DigestChannel.CHAT.name(), replies.t("digestsettings.form.slack", locale)));
		if (current.mailServer()) {
			channels.add(new Option(DigestChannel.EMAIL.name(), email != null
					? replies.t("digestsettings.form.email", locale, email)
					: replies.t("digestsettings.form.emailNew", locale)));
		}
		String chosen = current.channel() == DigestChannel.EMAIL && channels.size() > 1 ? DigestChannel.EMAIL.name()
				: DigestChannel.CHAT.name();
		Form.Builder form = Form.builder(ID, replies.t("digestsettings.form.title", locale))
			.submit(replies.t("digestsettings.form.save", locale))
			.cancel(replies.t("digestsettings.form.cancel", locale))
			.field(Form.Field.select(DAY, replies.t("digestsettings.form.day", locale), days)
				.initial(current.day().name()))
			.field(Form.Field.time(TIME, replies.t("digestsettings.form.time", locale, current.zone().getId()))
				.initial(current.time().toString()))
			.field(Form.Field.radio(CHANNEL, replies.t("digestsettings.form.channel", locale), channels).initial(chosen));
		if (current.mailServer() && email == null) {
			form.field(Form.Field.email(ADDRESS, replies.t("digestsettings.form.address", locale)).optional());
		}
		if (!current.mailServer()) {
			form.note(replies.t("digestsettings.form.noMail", locale));
		}
		return form.note(replies.t("digestsettings.form.hint", locale)).note(text.next(current, locale)).build();
	}

	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		Locale locale = localeOf(member);
		String channelValue = submission.value(CHANNEL);
		DigestChannel channel = "EMAIL".equals(channelValue) ? DigestChannel.EMAIL
				// SLACK: what a form opened before the channel was renamed still sends
				: DigestChannel.CHAT.name().equals(channelValue) || "SLACK".equals(channelValue) ? DigestChannel.CHAT
						: null;
		String address = blankToNull(submission.value(ADDRESS));
		DigestPreferences.Changed changed = settings.change(member, new DigestPreferences.Change(
				day(submission.value(DAY)), time(submission.value(TIME)), channel,
				channel == DigestChannel.EMAIL ? address : null));
		switch (changed.outcome()) {
			case CHANGED: {
				ChatMessage saved = text.saved(changed.current(), locale);
				return FormOutcome.done(() -> confirm(member, saved));
			}
			case NOT_A_RECIPIENT:
				return FormOutcome.invalid(DAY, replies.t("digest.preview.none", locale));
			default:
				return FormOutcome.invalid(submission.has(ADDRESS) ? ADDRESS : CHANNEL,
						text.emailProblem(changed.outcome(), address, locale));
		}
	}

	private void confirm(ChatAccount member, ChatMessage saved) {
		try {
			messenger.sendDirect(member, saved);
		}
		catch (DeliveryFailed e) {
			log.warn("Digest settings saved, but the confirmation DM failed: {}", e.reason());
		}
	}

	private Locale localeOf(ChatAccount member) {
		return languages.of(member);
	}

	private static String capitalised(String text, Locale locale) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}

	private static DayOfWeek day(String value) {
		try {
			return value == null ? null : DayOfWeek.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static LocalTime time(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalTime.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
