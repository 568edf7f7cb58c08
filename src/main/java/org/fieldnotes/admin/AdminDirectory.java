package org.fieldnotes.admin;

import java.time.Clock;
import java.util.List;

import org.fieldnotes.access.Admins;
import org.fieldnotes.digest.CoordinatorsChanged;
import org.fieldnotes.store.Claims;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who is an admin (a programme coordinator) on the chat platform: the members named in {@code FIELDNOTES_ADMINS}
 * (always, and they cannot be removed by command) and those added with {@code /fieldnotes admin add} (stored).
 */
@Component
public class AdminDirectory implements Admins {

	private final AdminSettings settings;
	private final MongoTemplate mongo;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	AdminDirectory(AdminSettings settings, MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
		this.settings = settings;
		this.mongo = mongo;
		this.clock = clock;
		this.events = events;
	}

	@Override
	public boolean isAdmin(String slackUserId) {
		return slackUserId != null
				&& (isConfigured(slackUserId) || mongo.exists(byId(slackUserId), StoredAdmin.class));
	}

	/** Named in {@code FIELDNOTES_ADMINS}: an admin whatever is stored. */
	public boolean isConfigured(String slackUserId) {
		return settings.slackAdmins().contains(slackUserId);
	}

	/** What adding an admin did. */
	public enum Added {
		ADDED, ALREADY_ADMIN
	}

	/** What removing an admin did. */
	public enum Removed {
		REMOVED, NOT_ADMIN, CONFIGURED
	}

	public Added add(String slackUserId, String addedBy) {
		if (isConfigured(slackUserId)) {
			return Added.ALREADY_ADMIN;
		}
		if (Claims.insertOnce(mongo, new StoredAdmin(slackUserId, addedBy, clock.instant())).isEmpty()) {
			return Added.ALREADY_ADMIN;
		}
		events.publishEvent(new CoordinatorsChanged()); // they get the weekly cohort digest from now on
		return Added.ADDED;
	}

	public Removed remove(String slackUserId) {
		if (isConfigured(slackUserId)) {
			return Removed.CONFIGURED;
		}
		if (mongo.remove(byId(slackUserId), StoredAdmin.class).getDeletedCount() == 0) {
			return Removed.NOT_ADMIN;
		}
		events.publishEvent(new CoordinatorsChanged());
		return Removed.REMOVED;
	}

	/** Every admin's member id: the configured ones first, then the stored ones in the order they were added. */
	public List<String> all() {
		var ids = new java.util.LinkedHashSet<>(settings.slackAdmins());
		mongo.find(new Query().with(Sort.by("addedAt")), StoredAdmin.class).forEach(a -> ids.add(a.slackUserId()));
		return List.copyOf(ids);
	}

	private static Query byId(String slackUserId) {
		return Query.query(Criteria.where("_id").is(slackUserId));
	}
}
