package org.fieldnotes.slack.listeners.commands;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.commands.DigestSettingsText;
import org.fieldnotes.digest.DigestChannel;
import org.fieldnotes.digest.DigestPreferences;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.views.SlackTexts;
import org.fieldnotes.text.TextCut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.EmailTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

/**
 * {@code /fieldnotes digest settings} with nothing after it: the digest settings as a modal, prefilled with what is
 * set (day select, time picker, channel radio). E-mail is offered with the address Fieldnotes knows (from the
 * settings, the placement or the Slack profile); when it knows none, with a field to give one. Without a mail server
 * only the Slack DM is offered. The submission goes through {@link DigestPreferences} like the command; a bad or
 * missing address is shown on its field, in the person's language; on success the modal closes and a DM says when
 * the next digest comes.
 */
@Component
class DigestSettingsForm implements SlackListener, SlashCommandForm {

	static final String CALLBACK_ID = "fieldnotes_digest_settings";
	static final String ACTION = "value";
	static final String DAY = "day", TIME = "time", CHANNEL = "channel", ADDRESS = "address";
	private static final Logger log = LoggerFactory.getLogger(DigestSettingsForm.class);

	private final DigestPreferences settings;
	private final DigestSettingsText text;
	private final SlackTexts texts;
	private final Messenger messenger;
	private App app;

	DigestSettingsForm(DigestPreferences settings, DigestSettingsText text, SlackTexts texts, Messenger messenger) {
		this.settings = settings;
		this.text = text;
		this.texts = texts;
		this.messenger = messenger;
	}

	@Override
	public boolean opens(String userId, String text) {
		return text.strip().replaceAll("\\s+", " ").equalsIgnoreCase("digest settings");
	}

	@Override
	public Optional<ChatMessage> open(String triggerId, String userId) {
		Locale locale = texts.localeOf(userId);
		Optional<DigestPreferences.Current> current = settings.current(userId);
		if (current.isEmpty()) {
			return Optional.of(ChatMessage.text(texts.t("digest.preview.none", locale)));
		}
		String email = current.get().email() != null ? current.get().email()
				: settings.knownEmail(userId).orElse(null);
		String error;
		try {
			ViewsOpenResponse response = app.client()
				.viewsOpen(r -> r.token(app.config().getSingleTeamBotToken())
					.triggerId(triggerId)
					.view(view(current.get(), email, locale)));
			if (response.isOk()) {
				return Optional.empty();
			}
			error = response.getError();
		}
		catch (IOException | SlackApiException e) {
			error = e.getClass().getSimpleName();
		}
		log.warn("Could not open the digest settings form: {}", error);
		return Optional.of(ChatMessage.text(texts.t("digestsettings.form.openFailed", locale, error)));
	}

	@Override
	public void register(App app) {
		this.app = app;
		app.viewSubmission(CALLBACK_ID, (request, ctx) -> {
			String userId = request.getPayload().getUser().getId();
			Locale locale = texts.localeOf(userId);
			Map<String, Map<String, ViewState.Value>> values = request.getPayload().getView().getState() == null
					? Map.of() : request.getPayload().getView().getState().getValues();
			DayOfWeek day = day(selected(values, DAY));
			LocalTime time = time(value(values, TIME) == null ? null : value(values, TIME).getSelectedTime());
			String channelValue = selected(values, CHANNEL);
			DigestChannel channel = "EMAIL".equals(channelValue) ? DigestChannel.EMAIL
					: "SLACK".equals(channelValue) ? DigestChannel.SLACK : null;
			String address = value(values, ADDRESS) == null ? null : blankToNull(value(values, ADDRESS).getValue());
			boolean hasAddressField = values.containsKey(ADDRESS);
			DigestPreferences.Changed changed = settings.change(userId,
					new DigestPreferences.Change(day, time, channel, channel == DigestChannel.EMAIL ? address : null));
			switch (changed.outcome()) {
				case CHANGED: {
					ChatMessage saved = text.saved(changed.current(), locale);
					app.executorService().execute(() -> confirm(userId, saved));
					return ctx.ack();
				}
				case NOT_A_RECIPIENT:
					return ctx.ack(r -> r.responseAction("errors")
						.errors(Map.of(DAY, texts.t("digest.preview.none", locale))));
				default: {
					String problem = text.emailProblem(changed.outcome(), address, locale);
					return ctx.ack(r -> r.responseAction("errors")
						.errors(Map.of(hasAddressField ? ADDRESS : CHANNEL, problem)));
				}
			}
		});
	}

	private void confirm(String userId, ChatMessage saved) {
		try {
			messenger.sendDirect(userId, saved);
		}
		catch (DeliveryFailed e) {
			log.warn("Digest settings saved, but the confirmation DM failed: {}", e.reason());
		}
	}

	View view(DigestPreferences.Current current, String email, Locale locale) {
		List<LayoutBlock> blocks = new ArrayList<>();
		List<OptionObject> days = new ArrayList<>();
		for (DayOfWeek d : DayOfWeek.values()) {
			days.add(option(capitalised(d.getDisplayName(TextStyle.FULL, locale), locale), d.name()));
		}
		blocks.add(input(DAY, texts.t("digestsettings.form.day", locale), false, StaticSelectElement.builder()
			.actionId(ACTION).options(days).initialOption(days.get(current.day().ordinal())).build()));
		blocks.add(input(TIME, texts.t("digestsettings.form.time", locale, current.zone().getId()), false,
				TimePickerElement.builder().actionId(ACTION).initialTime(current.time().toString()).build()));
		List<OptionObject> channels = new ArrayList<>();
		channels.add(option(texts.t("digestsettings.form.slack", locale), DigestChannel.SLACK.name()));
		if (current.mailServer()) {
			channels.add(option(email != null ? texts.t("digestsettings.form.email", locale, email)
					: texts.t("digestsettings.form.emailNew", locale), DigestChannel.EMAIL.name()));
		}
		OptionObject chosen = current.channel() == DigestChannel.EMAIL && channels.size() > 1 ? channels.get(1)
				: channels.get(0);
		blocks.add(input(CHANNEL, texts.t("digestsettings.form.channel", locale), false,
				RadioButtonsElement.builder().actionId(ACTION).options(channels).initialOption(chosen).build()));
		if (current.mailServer() && email == null) {
			blocks.add(input(ADDRESS, texts.t("digestsettings.form.address", locale), true,
					EmailTextInputElement.builder().actionId(ACTION).build()));
		}
		if (!current.mailServer()) {
			blocks.add(context(texts.t("digestsettings.form.noMail", locale)));
		}
		blocks.add(context(texts.t("digestsettings.form.hint", locale)));
		blocks.add(context(text.next(current, locale)));
		return View.builder()
			.type("modal")
			.callbackId(CALLBACK_ID)
			.title(ViewTitle.builder().type("plain_text").text(cut(texts.t("digestsettings.form.title", locale), 24)).build())
			.submit(ViewSubmit.builder().type("plain_text").text(texts.t("digestsettings.form.save", locale)).build())
			.close(ViewClose.builder().type("plain_text").text(texts.t("digestsettings.form.cancel", locale)).build())
			.blocks(blocks)
			.build();
	}

	private static InputBlock input(String blockId, String label, boolean optional,
			com.slack.api.model.block.element.BlockElement element) {
		return InputBlock.builder().blockId(blockId).optional(optional).label(plain(label)).element(element).build();
	}

	private static ContextBlock context(String text) {
		return ContextBlock.builder().elements(List.of(plain(text))).build();
	}

	private static OptionObject option(String label, String value) {
		return OptionObject.builder().text(plain(label)).value(value).build();
	}

	private static PlainTextObject plain(String text) {
		return PlainTextObject.builder().text(cut(text, 2000)).emoji(true).build();
	}

	private static String cut(String text, int max) {
		return TextCut.cut(text, max);
	}

	private static String capitalised(String text, Locale locale) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}

	private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
		Map<String, ViewState.Value> actions = values.get(block);
		return actions == null ? null : actions.get(ACTION);
	}

	private static String selected(Map<String, Map<String, ViewState.Value>> values, String block) {
		ViewState.Value value = value(values, block);
		return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
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
