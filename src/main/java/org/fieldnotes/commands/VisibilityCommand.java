package org.fieldnotes.commands;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Item;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Preferences;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes visibility [option]}: who can see the sender's new entries and status updates, what each
 * option means, and (with an option, in English or Swedish) their own default.
 */
@Component
class VisibilityCommand implements Subcommand {

	private final VisibilityDefaults defaults;
	private final Preferences preferences;
	private final PlacementManagement placements;
	private final VisibilityControls controls;
	private final Replies replies;
	private final People people;

	VisibilityCommand(VisibilityDefaults defaults, Preferences preferences, PlacementManagement placements,
			VisibilityControls controls, Replies replies, People people) {
		this.people = people;
		this.defaults = defaults;
		this.preferences = preferences;
		this.placements = placements;
		this.controls = controls;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "visibility";
	}

	@Override
	public int helpOrder() {
		return 45;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		String word = invocation.rest().strip();
		if (word.isEmpty()) {
			return current(invocation.caller(), locale);
		}
		Optional<Visibility> chosen = VisibilityWords.parse(word);
		if (chosen.isEmpty()) {
			return replies.usage(replies.t("visibility.bad", locale, word), name(), locale);
		}
		preferences.setVisibility(invocation.caller(), chosen.get());
		String text = replies.t("visibility.set", locale, controls.label(chosen.get(), locale),
				controls.who(chosen.get(), locale));
		return ChatMessage.builder(text).paragraph(text).context(replies.t("visibility.perItem", locale)).build();
	}

	private ChatMessage current(ChatAccount member, Locale locale) {
		VisibilityDefaults.Effective effective = defaults.of(people.find(member).map(Person::id).orElse(null));
		String program = placements.currentFor(member).map(p -> p.getProgram()).orElse("");
		String heading = replies.t("visibility.default", locale, controls.label(effective.visibility(), locale),
				controls.who(effective.visibility(), locale));
		return ChatMessage.builder(heading)
			.paragraph(heading)
			.context(replies.t("visibility.origin." + effective.origin().name(), locale, program))
			.paragraph(replies.t("visibility.options", locale))
			.items(Arrays.stream(Visibility.values())
				.map(v -> new Item(word(v, locale), controls.label(v, locale) + " — " + controls.who(v, locale)))
				.toList())
			.context(replies.t("visibility.perItem", locale))
			.build();
	}

	/** The word to type for an option, in the person's language. */
	private static String word(Visibility visibility, Locale locale) {
		if (!"sv".equals(locale.getLanguage())) {
			return visibility.key();
		}
		switch (visibility) {
			case PRIVATE:
				return "privat";
			case COACHES:
				return "coacher";
			case PLACEMENT:
				return "placering";
			case CONFIDENTIAL:
				return "konfidentiell";
			default:
				return visibility.key();
		}
	}
}
