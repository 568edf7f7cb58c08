package org.fieldnotes.admin;

import org.springframework.stereotype.Component;

/**
 * Who is an admin (a programme coordinator) on the chat platform.
 */
@Component
public class AdminDirectory {

	private final AdminSettings settings;

	AdminDirectory(AdminSettings settings) {
		this.settings = settings;
	}

	public boolean isAdmin(String slackUserId) {
		return slackUserId != null && settings.slackAdmins().contains(slackUserId);
	}
}
