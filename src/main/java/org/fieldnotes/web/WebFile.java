package org.fieldnotes.web;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The bytes of a picture or file shared in a member's web conversation; served to that member only. */
@Document(WebFile.COLLECTION)
record WebFile(@Id String id, String memberId, String filename, String mimeType, byte[] content, Instant at) {

	static final String COLLECTION = "web_files";
}
