package org.fieldnotes.home;

import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.fieldnotes.logbook.EntryForms;
import org.fieldnotes.logbook.StatusForms;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Preferences;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.springframework.stereotype.Service;

/**
 * What the Home's buttons, menus and select do: open the form to write an entry or a status update, open the form
 * to edit or delete an entry, change who can see an item or the person's default. Only the author of an entry gets
 * its forms or changes who can see it ({@link org.fieldnotes.access.AccessPolicy} decides); for anyone else, or an
 * entry deleted meanwhile, nothing opens and the Home is simply shown afresh.
 */
@Service
public class HomeChoices {

	private final EntryForms entryForms;
	private final StatusForms statusForms;
	private final VisibilityControls visibility;
	private final VisibilityDefaults defaults;
	private final Preferences preferences;
	private final Languages languages;

	HomeChoices(EntryForms entryForms, StatusForms statusForms, VisibilityControls visibility,
			VisibilityDefaults defaults, Preferences preferences, Languages languages) {
		this.entryForms = entryForms;
		this.statusForms = statusForms;
		this.visibility = visibility;
		this.defaults = defaults;
		this.preferences = preferences;
		this.languages = languages;
	}

	/** {@link HomeScreens#WRITE}: the form for a new entry. */
	public Form write(ChatAccount member) {
		return entryForms.write(member);
	}

	/** {@link HomeScreens#STATUS}: the status-update form. */
	public Form status(ChatAccount member) {
		Locale locale = languages.of(member);
		return statusForms.form(locale, null, defaults.of(member).visibility(), statusForms.unresolvedOf(member));
	}

	/**
	 * {@link HomeScreens#ENTRY_MENU}: {@code edit:<id>} and {@code delete:<id>} open their form for the entry's author;
	 * {@code visibility:<key>:<id>} changes who can see it.
	 * @return the form to open; empty when there is none, and the Home is to be shown afresh
	 */
	public Optional<Form> entryMenu(ChatAccount member, String choice) {
		if (choice.startsWith(HomeScreens.SHOW_TO)) {
			showTo(VisibilityChoice.Kind.ENTRY, choice, member, Operation.HOME_ENTRY_MENU);
			return Optional.empty();
		}
		int colon = choice.indexOf(':');
		String what = colon < 0 ? choice : choice.substring(0, colon);
		String entryId = choice.substring(colon + 1);
		return "delete".equals(what) ? entryForms.confirmDelete(entryId, member, Operation.HOME_ENTRY_MENU)
				: entryForms.edit(entryId, member, Operation.HOME_ENTRY_MENU);
	}

	/** {@link HomeScreens#UPDATE_MENU}: {@code visibility:<key>:<id>} changes who can see a status update. */
	public void updateMenu(ChatAccount member, String choice) {
		showTo(VisibilityChoice.Kind.STATUS_UPDATE, choice, member, Operation.HOME_UPDATE_MENU);
	}

	/** {@link HomeScreens#DEFAULT_VISIBILITY}: who can see the person's new entries from now on. */
	public void defaultVisibility(ChatAccount member, String choice) {
		Visibility.parse(choice == null ? "" : choice).ifPresent(v -> preferences.setVisibility(member, v));
	}

	/** {@code visibility:<key>:<id>} from a menu: applied only when the person wrote the item. */
	private void showTo(VisibilityChoice.Kind kind, String choice, ChatAccount member, Operation operation) {
		String rest = choice.startsWith(HomeScreens.SHOW_TO) ? choice.substring(HomeScreens.SHOW_TO.length()) : "";
		int colon = rest.indexOf(':');
		if (colon < 0) {
			return;
		}
		Optional<Visibility> chosen = Visibility.parse(rest.substring(0, colon));
		if (chosen.isPresent()) {
			visibility.apply(new VisibilityChoice(kind, rest.substring(colon + 1), chosen.get()), member, operation);
		}
	}
}
