package org.fieldnotes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.fieldnotes.admin.AdminDirectory;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.Form;
import org.fieldnotes.commands.ChangeForms;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.TestDemos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The change form in the web chat, through its pages as a browser uses them: the demo's manager, made an admin, types
 * {@code /fieldnotes change @<participant>}; the form is on the page pre-filled with the placement; sent back with one
 * field changed it changes that field only; a bad value comes back on its field and saves nothing.
 */
@Import(TestDemos.class)
class WebChangeFormTests extends IntegrationTest {

	@Autowired
	PlacementManagement placements;

	@Autowired
	AdminDirectory admins;

	WebBrowser browser;

	@BeforeEach
	void aBrowser() {
		TestDemos.ENABLED.set(true);
		browser = new WebBrowser(port);
	}

	@AfterEach
	void demoBackOn() {
		TestDemos.ENABLED.set(true);
	}

	private static ChatAccount web(Person person) {
		return person.accounts().stream().filter(a -> a.platform().equals("web")).findFirst().orElseThrow();
	}

	private static String formKey(String page) {
		Matcher matcher = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("an open form").isTrue();
		return matcher.group(1);
	}

	/** The form's fields as the page showed them, with {@code edits} (field → value) instead. */
	private static String[] sent(String key, Form form, Map<String, String> edits) {
		List<String> fields = new ArrayList<>(List.of("key", key));
		for (Form.Field field : form.fields()) {
			List<String> values = edits.containsKey(field.id()) ? List.of(edits.get(field.id()))
					: field.kind() == Form.Kind.CHECKBOXES ? field.initialValues()
							: field.initial() == null ? List.of() : List.of(field.initial());
			for (String value : values) {
				fields.add("f:" + field.id());
				fields.add(value);
			}
		}
		return fields.toArray(String[]::new);
	}

	@Test
	void theManagerMadeAnAdminChangesTheEndDateFromThePrefilledForm() {
		assertThat(browser.post("/try", "timeZone", "Europe/Stockholm", "language", "en").statusCode()).isEqualTo(302);
		Document stored = mongo.getCollection("placements").find().first();
		Placement placement = placements.get(stored.get("_id").toString());
		ChatAccount ada = web(placement.getParticipant());
		ChatAccount maja = web(placement.getManager());
		admins.add(placement.getManager(), null);
		assertThat(browser.post("/chat/persona", "role", "MANAGER").statusCode()).isEqualTo(302);

		browser.post("/chat/messages", "text", "/fieldnotes change @" + ada.memberId());

		String page = browser.page("/chat");
		assertThat(page).contains("data-form=\"" + ChangeForms.ID + "\"")
			.contains("value=\"" + placement.getEndDate() + "\"")
			.contains("value=\"" + placement.getHostOrganisation() + "\"");
		Form form = sent().formsFor(maja).get(sent().formsFor(maja).size() - 1);
		assertThat(form.field("end").orElseThrow().initial()).isEqualTo(placement.getEndDate().toString());
		String key = formKey(page);

		// a time zone nobody has: said on its field, nothing saved
		browser.post("/chat/forms", sent(key, form, Map.of("tz", "Mars/Base")));
		page = browser.page("/chat");
		assertThat(page).contains("data-error=\"tz\"").contains("Mars/Base");
		assertThat(placements.get(placement.getId()).getVersion()).isEqualTo(placement.getVersion());

		String later = placement.getEndDate().plusMonths(2).toString();
		browser.post("/chat/forms", sent(formKey(page), form, Map.of("end", later)));

		assertThat(browser.page("/chat")).doesNotContain("data-test=\"form\"");
		Placement after = placements.get(placement.getId());
		assertThat(after.getEndDate().toString()).isEqualTo(later);
		assertThat(after.getHostOrganisation()).isEqualTo(placement.getHostOrganisation());
		assertThat(after.getManager().id()).isEqualTo(placement.getManager().id());
		assertThat(mongo.getCollection("audit").find(new Document("action", "placement-change")
			.append("outcome", "done")).first().getString("detail")).startsWith("changed: endDate ");
	}
}
