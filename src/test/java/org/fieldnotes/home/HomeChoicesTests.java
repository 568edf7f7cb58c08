package org.fieldnotes.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.LogbookEntry;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdate;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the Home's buttons, menus and select do, whatever the platform: the forms to write an entry or a status
 * update (with the person's default visibility), the edit and delete forms of an entry for its author only, "Show to
 * …" on an entry or a status update for its author only, and the default visibility.
 */
class HomeChoicesTests extends IntegrationTest {

	private static final String ADA = "UADA";

	@Autowired
	HomeChoices choices;

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	@Autowired
	VisibilityDefaults defaults;

	@Test
	void theButtonsOpenTheFormsWithThePersonsDefault() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		choices.defaultVisibility(slack(ADA), "confidential");

		assertThat(choices.write(slack(ADA)).id()).isEqualTo("entry_write");
		assertThat(choices.write(slack(ADA)).field("visibility").orElseThrow().initial()).isEqualTo("confidential");
		assertThat(choices.status(slack(ADA)).id()).isEqualTo("status_update");
		assertThat(choices.status(slack(ADA)).field("visibility").orElseThrow().initial()).isEqualTo("confidential");
		assertThat(defaults.of(slack(ADA)).visibility()).isEqualTo(Visibility.CONFIDENTIAL);
	}

	@Test
	void anEntrysMenuOpensItsFormsForItsAuthorOnly() {
		enrol(ADA, "2026-11-02", "2027-04-30");
		LogbookEntry entry = logbook.write(slack(ADA), "Mapped the supplier chain", null);

		assertThat(choices.entryMenu(slack(ADA), "edit:" + entry.id())).hasValueSatisfying(f -> assertThat(f.id())
			.isEqualTo("entry_edit"));
		assertThat(choices.entryMenu(slack(ADA), "delete:" + entry.id())).hasValueSatisfying(f -> assertThat(f.id())
			.isEqualTo("entry_delete"));
		assertThat(choices.entryMenu(slack("UANDERS"), "edit:" + entry.id())).isEmpty();
		assertThat(choices.entryMenu(slack(ADA), "edit:nope")).isEmpty();
		assertThat(choices.entryMenu(slack(ADA), "")).isEmpty();
	}

	@Test
	void showToChangesWhoCanSeeAnItemForItsAuthorOnly() {
		String placementId = enrol(ADA, "2026-11-02", "2027-04-30");
		LogbookEntry entry = logbook.write(slack(ADA), "Mapped the supplier chain", null);
		StatusUpdate update = statusUpdates.submit(slack(ADA),
				new StatusUpdates.Report(OverallStatus.RED, "Stuck", null, 2), null, "k").update();

		assertThat(choices.entryMenu(slack("UANDERS"), "visibility:private:" + entry.id())).isEmpty();
		choices.updateMenu(slack("UANDERS"), "visibility:private:" + update.id());
		assertThat(logbook.entries(placementId, false).get(0).visibility()).isEqualTo(Visibility.COACHES);
		assertThat(statusUpdates.of(placementId).get(0).visibility()).isEqualTo(Visibility.COACHES);

		assertThat(choices.entryMenu(slack(ADA), "visibility:private:" + entry.id())).isEmpty();
		choices.updateMenu(slack(ADA), "visibility:placement:" + update.id());
		choices.updateMenu(slack(ADA), "visibility:nonsense:" + update.id());
		assertThat(logbook.entries(placementId, false).get(0).visibility()).isEqualTo(Visibility.PRIVATE);
		assertThat(statusUpdates.of(placementId).get(0).visibility()).isEqualTo(Visibility.PLACEMENT);
	}
}
