package org.fieldnotes.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message of a member's web chat conversation, kept so that a reload shows it: what Fieldnotes sent (its
 * neutral blocks, see {@link WebModels}), what the person wrote ({@code text}, marked {@code saved} once it is in the
 * logbook), or a picture or file shared in it ({@code fileId}, served to that member only).
 *
 * @param id increasing in the order messages were kept (an ObjectId's hex string); the message's "ts"
 * @param from {@link #FIELDNOTES} or {@link #PERSON}
 */
@Document(WebMessage.COLLECTION)
@CompoundIndex(name = "member_order", def = "{'memberId': 1, '_id': 1}")
record WebMessage(@Id String id, String memberId, Instant at, String from, String summary,
		List<Map<String, Object>> blocks, String text, boolean saved, String fileId, String filename, String title,
		String altText, String mimeType) {

	static final String COLLECTION = "web_messages";
	static final String FIELDNOTES = "fieldnotes";
	static final String PERSON = "person";

	boolean fromPerson() {
		return PERSON.equals(from);
	}

	boolean isImage() {
		return fileId != null && mimeType != null && mimeType.startsWith("image/");
	}
}
