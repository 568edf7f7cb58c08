package org.fieldnotes.digest;

import java.util.List;

/**
 * The programme coordinators (admins) who get the weekly cohort digest. The admin module knows who they are and
 * provides this; without it nobody gets a cohort digest.
 */
public interface Coordinators {

	/** Every coordinator's chat member id (a Slack member id), each once. */
	List<String> memberIds();
}
