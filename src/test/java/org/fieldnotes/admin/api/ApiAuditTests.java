package org.fieldnotes.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.fieldnotes.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Admin API actions are recorded in the audit collection as done by "api", refusals included. */
class ApiAuditTests extends IntegrationTest {

	private List<Document> audit() {
		return mongo.getCollection("audit").find().sort(new Document("_id", 1)).into(new ArrayList<>());
	}

	@Test
	void enrolSendNowAndDigestsAreAudited() {
		assertThat(postJson("/api/v1/placements", placementJson("UADA", "2026-11-02", "2026-11-30")).statusCode())
			.isEqualTo(400);
		String id = enrol("UADA", "2026-11-02", "2027-04-30");
		assertThat(postJson("/api/v1/placements/" + id + "/send-prompt", "").statusCode()).isEqualTo(202);
		assertThat(postJson("/api/v1/digests/send", "").statusCode()).isEqualTo(202);

		List<Document> audit = audit();
		assertThat(audit).extracting(d -> d.getString("action") + " " + d.getString("outcome"))
			.containsExactly("enrol refused", "enrol done", "send-now done", "digests-send done");
		assertThat(audit).allSatisfy(d -> assertThat(d.getString("actor")).isEqualTo("api"));
		assertThat(audit.get(0).getString("detail")).isEqualTo("fields: endDate");
		assertThat(audit.get(1).getString("placementId")).isEqualTo(id);
		assertThat(audit.get(1).getString("person")).isEqualTo(keyOf("UADA"));
		assertThat(audit.get(1).get("at")).isNotNull();
	}
}
