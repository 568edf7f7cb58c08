package org.fieldnotes.teams;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fieldnotes.chat.BecameReachable;
import org.fieldnotes.chat.ChatAccount;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps the conversation references Teams hands over when the app is installed for someone in their personal scope
 * (they added it, or an admin's app setup policy did): an {@code installationUpdate} with {@code action: add}, or a
 * {@code conversationUpdate} whose added members include the bot. Removing the app (or the bot) marks the reference
 * removed. Team and group-chat installs are not kept: Fieldnotes writes to people one to one. A new install (not a
 * repeated one) publishes {@link BecameReachable}: what waited for the person goes now, and the admins are told.
 */
@Component
class TeamsInstalls {

	private static final Logger log = LoggerFactory.getLogger(TeamsInstalls.class);
	private static final Set<String> ADD = Set.of("add", "add-upgrade");
	private static final Set<String> REMOVE = Set.of("remove", "remove-upgrade");

	private final TeamsConversations conversations;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	TeamsInstalls(TeamsConversations conversations, ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the activity installs the app (or adds the bot) where it comes from. */
	static boolean adds(TeamsActivity activity) {
		return ("installationUpdate".equals(activity.type()) && ADD.contains(activity.action()))
				|| ("conversationUpdate".equals(activity.type()) && activity.botAdded());
	}

	/**
	 * Records an install or uninstall in a personal conversation; returns whether the activity was one. Call it only
	 * with an authenticated activity (its service URL is kept).
	 */
	boolean record(TeamsActivity activity) {
		boolean added = adds(activity);
		boolean removed = ("installationUpdate".equals(activity.type()) && REMOVE.contains(activity.action()))
				|| ("conversationUpdate".equals(activity.type()) && activity.botRemoved());
		if (!added && !removed) {
			return false;
		}
		TeamsActivity.Account from = activity.from();
		String tenant = activity.tenantId();
		if (activity.conversation() == null || !activity.conversation().personal() || from == null
				|| from.id() == null || tenant == null || activity.conversation().id() == null
				|| activity.serviceUrl() == null) {
			log.debug("Teams {} not kept: not a personal conversation, or incomplete", TeamsActivity.safe(activity.type()));
			return true;
		}
		if (added) {
			boolean before = conversations.find(tenant, from.id()).map(TeamsConversation::installed).orElse(false);
			conversations.installed(tenant, from.id(), from.aadObjectId(), from.name(), activity.conversation().id(),
					activity.serviceUrl(), clock.instant());
			log.info("Fieldnotes installed for a Teams user in tenant {}", TeamsActivity.safe(tenant));
			if (!before) {
				// reachable from now on (Teams repeats installs, e.g. on upgrade: only a new one counts)
				events.publishEvent(new BecameReachable(accounts(tenant, from), clock.instant()));
			}
		}
		else {
			conversations.removed(tenant, from.id(), clock.instant());
			log.info("Fieldnotes removed by a Teams user in tenant {}", TeamsActivity.safe(tenant));
		}
		return true;
	}

	/** The accounts a person enrolled on Teams may have: by Entra object id (best) or by Teams user id. */
	private static List<ChatAccount> accounts(String tenant, TeamsActivity.Account from) {
		List<ChatAccount> accounts = new ArrayList<>();
		if (from.aadObjectId() != null && !from.aadObjectId().isBlank()) {
			accounts.add(new ChatAccount(TeamsMemberReferences.PLATFORM, tenant, from.aadObjectId()));
		}
		accounts.add(new ChatAccount(TeamsMemberReferences.PLATFORM, tenant, from.id()));
		return accounts;
	}
}
