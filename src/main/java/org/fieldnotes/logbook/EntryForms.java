package org.fieldnotes.logbook;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.access.Operation;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.FormHandler;
import org.fieldnotes.chat.FormOutcome;
import org.fieldnotes.chat.FormSubmission;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.placement.VisibilityField;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The forms a participant writes and changes entries with, outside a prompt: a new entry (one text area and "Who can
 * see this"), an entry of theirs to edit (its text prefilled), and "Delete this entry?" quoting its beginning; and
 * their submissions. A new entry is stored once per submission; only the author edits or deletes an entry
 * ({@link OwnEntries}). Empty text keeps the form open with an error on the field.
 */
@Component
public class EntryForms implements FormHandler {

	/** A new free-form entry. */
	public static final String WRITE = "entry_write";
	/** An entry edited; metadata: the entry id. */
	public static final String EDIT = "entry_edit";
	/** Confirms deleting an entry; metadata: the entry id. */
	public static final String DELETE = "entry_delete";
	/** The one text area of {@link #WRITE} and {@link #EDIT}. */
	public static final String TEXT = "entry";
	/** The most characters an entry written in a form takes. */
	public static final int MAX_TEXT = 3000;

	private final OwnEntries entries;
	private final Languages languages;
	private final VisibilityDefaults defaults;
	private final VisibilityField visibilityField;
	private final VisibilityControls visibility;
	private final MessageSource messages;

	EntryForms(OwnEntries entries, Languages languages, VisibilityDefaults defaults,
			VisibilityField visibilityField, VisibilityControls visibility, MessageSource messages) {
		this.entries = entries;
		this.languages = languages;
		this.defaults = defaults;
		this.visibilityField = visibilityField;
		this.visibility = visibility;
		this.messages = messages;
	}

	@Override
	public Set<String> formIds() {
		return Set.of(WRITE, EDIT, DELETE);
	}

	/** A new entry, readable at first by whom the person's default says. */
	public Form write(ChatAccount member) {
		Locale locale = localeOf(member);
		return form(WRITE, "modal.entry.title", "", locale)
			.field(Form.Field.longText(TEXT, t("modal.entry.label", locale)).maxLength(MAX_TEXT))
			.field(visibilityField.field(defaults.of(member).visibility(), locale))
			.build();
	}

	/** An entry of the person's to edit, its text prefilled; empty when it is not theirs, deleted or unknown. */
	public Optional<Form> edit(String entryId, ChatAccount member, Operation operation) {
		Locale locale = localeOf(member);
		return entries.find(entryId, member, operation).map(entry -> form(EDIT, "modal.edit.title", entry.id(), locale)
			.field(Form.Field.longText(TEXT, t("modal.entry.label", locale)).maxLength(MAX_TEXT).initial(entry.text()))
			.build());
	}

	/** "Delete this entry?", quoting its beginning; empty when it is not the person's, deleted or unknown. */
	public Optional<Form> confirmDelete(String entryId, ChatAccount member, Operation operation) {
		Locale locale = localeOf(member);
		return entries.find(entryId, member, operation).map(entry -> form(DELETE, "modal.delete.title", entry.id(), locale)
			.text(t("modal.delete.text", locale, RecentActivity.excerpt(entry.text())))
			.submit(t("modal.delete.submit", locale))
			.build());
	}

	@Override
	public FormOutcome submit(ChatAccount member, FormSubmission submission) {
		switch (submission.formId()) {
			case WRITE:
				return write(member, submission);
			case EDIT:
				return edit(member, submission);
			case DELETE:
				entries.delete(submission.metadata(), member);
				return FormOutcome.done().refreshingHome();
			default:
				throw new IllegalArgumentException(submission.formId());
		}
	}

	/** Stored before the platform is answered; the "saved" message and the Home follow after. */
	private FormOutcome write(ChatAccount member, FormSubmission submission) {
		Locale locale = localeOf(member);
		String text = submission.value(TEXT);
		if (text == null || text.isBlank()) {
			return FormOutcome.invalid(TEXT, t("modal.entry.empty", locale));
		}
		Optional<LogbookEntry> saved;
		try {
			saved = entries.write(member, text.strip(), submission.key(), VisibilityField.chosen(submission).orElse(null));
		}
		catch (NotEnrolled e) {
			return FormOutcome.invalid(TEXT, t("notEnrolled", locale));
		}
		if (saved.isEmpty()) {
			return FormOutcome.done(); // submitted twice: stored and confirmed the first time
		}
		LogbookEntry entry = saved.get();
		return FormOutcome.done(() -> visibility.confirmSaved(member, VisibilityChoice.Kind.ENTRY, entry.id(),
				entry.visibility(), locale)).refreshingHome();
	}

	private FormOutcome edit(ChatAccount member, FormSubmission submission) {
		Locale locale = localeOf(member);
		String text = submission.value(TEXT);
		if (text == null || text.isBlank()) {
			return FormOutcome.invalid(TEXT, t("modal.entry.empty", locale));
		}
		if (entries.find(submission.metadata(), member, Operation.ENTRY_EDIT_FORM).isEmpty()) {
			return FormOutcome.invalid(TEXT, t("modal.gone", locale));
		}
		entries.edit(submission.metadata(), member, text.strip());
		return FormOutcome.done().refreshingHome();
	}

	private Form.Builder form(String id, String title, String metadata, Locale locale) {
		return Form.builder(id, t(title, locale))
			.metadata(metadata)
			.submit(t("modal.save", locale))
			.cancel(t("modal.cancel", locale));
	}

	private Locale localeOf(ChatAccount member) {
		return languages.of(member);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
