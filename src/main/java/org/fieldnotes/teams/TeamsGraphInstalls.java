package org.fieldnotes.teams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fieldnotes.chat.AdminNotice;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementChanged;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Installs the Teams app through Microsoft Graph for people enrolled on Teams who have not installed it
 * ({@code TEAMS_GRAPH_INSTALL=true}): {@code POST <TEAMS_GRAPH_URL>/v1.0/users/{Entra object id}/teamwork/installedApps}
 * binding the catalog app ({@code TEAMS_CATALOG_APP_ID}), with an app-only token of the bot's app for
 * {@code <TEAMS_GRAPH_URL>/.default}. Teams then sends the install to {@code /teams/messages}, which makes them
 * reachable as if they had installed it themselves. Needs an admin's consent to
 * {@code TeamsAppInstallation.ReadWriteForUser.All}.
 *
 * <p>Tried once per person and run, in the background after their placement is enrolled or changed (enrolment does
 * not wait for Graph). {@code 201}: installed; {@code 409}: it already was; {@code 403}: no consent, logged once, the
 * admins told once, and no more tries until the next start. Anything else is logged; either way, until Teams reports
 * the install the person gets e-mail with the link to say hi. Only an Entra object id can be installed for (a
 * {@code 29:…} id is the bot's own and unknown to Graph).
 */
class TeamsGraphInstalls implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TeamsGraphInstalls.class);
	static final String FORBIDDEN_NOTICE = "teams-graph-install-forbidden:";

	/** What became of one install. */
	enum Outcome {
		INSTALLED, ALREADY_INSTALLED, NO_CONSENT, FAILED, NOT_TRIED
	}

	private final TeamsGraphSettings graph;
	private final TeamsTokens tokens;
	private final HttpClient http;
	private final TeamsConversations conversations;
	private final PlacementManagement placements;
	private final ApplicationEventPublisher events;
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "teams-graph-install");
		thread.setDaemon(true);
		return thread;
	});
	private final Set<String> tried = ConcurrentHashMap.newKeySet();
	private final AtomicBoolean forbidden = new AtomicBoolean();
	/** This run, in the admins' notice key: told once per start. */
	private final String run = UUID.randomUUID().toString();

	/** @param tokens the bot's app tokens for Graph; {@literal null} when the install is off (nothing is tried) */
	TeamsGraphInstalls(TeamsGraphSettings graph, TeamsTokens tokens, HttpClient http,
			TeamsConversations conversations, PlacementManagement placements, ApplicationEventPublisher events) {
		this.graph = graph;
		this.tokens = tokens;
		this.http = http;
		this.conversations = conversations;
		this.placements = placements;
		this.events = events;
	}

	/** After an enrolment (or any change) of a placement: its Teams people without the app, in the background. */
	@EventListener
	void changed(PlacementChanged event) {
		if (tokens == null || forbidden.get()) {
			return;
		}
		Placement placement;
		try {
			placement = placements.get(event.placementId());
		}
		catch (RuntimeException e) {
			return;
		}
		if (!placement.isActive()) {
			return;
		}
		for (Person person : java.util.Arrays.asList(placement.getParticipant(), placement.getAcademicCoach(),
				placement.getBusinessCoach(), placement.getManager())) {
			if (person == null) {
				continue;
			}
			person.account(TeamsMemberReferences.PLATFORM)
				.filter(account -> conversations.of(account).isEmpty())
				.filter(account -> tried.add(account.key()))
				.ifPresent(account -> background.execute(() -> install(account)));
		}
	}

	/** Installs the app for the account's person now; what came of it. Never throws. */
	Outcome install(ChatAccount account) {
		if (tokens == null || forbidden.get() || !isObjectId(account.memberId())) {
			return Outcome.NOT_TRIED;
		}
		try {
			String body = "{\"teamsApp@odata.bind\":\"" + graph.base() + "/v1.0/appCatalogs/teamsApps/"
					+ json(graph.catalogAppId().strip()) + "\"}";
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create(graph.base() + "/v1.0/users/" + account.memberId() + "/teamwork/installedApps"))
				.timeout(Duration.ofSeconds(15))
				.header("Authorization", "Bearer " + tokens.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
			return switch (response.statusCode()) {
				case 200, 201, 202, 204 -> {
					log.info("Fieldnotes installed in Teams through Microsoft Graph for an invited person");
					yield Outcome.INSTALLED;
				}
				case 409 -> Outcome.ALREADY_INSTALLED;
				case 403 -> noConsent();
				default -> {
					log.warn("Microsoft Graph did not install Fieldnotes for an invited person: HTTP {}",
							response.statusCode());
					yield Outcome.FAILED;
				}
			};
		}
		catch (DeliveryFailed e) {
			log.warn("No Microsoft Graph token to install Fieldnotes in Teams: {}", e.reason());
			return Outcome.FAILED;
		}
		catch (IOException e) {
			log.warn("Microsoft Graph could not be reached to install Fieldnotes in Teams: {}",
					e.getClass().getSimpleName());
			return Outcome.FAILED;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Outcome.FAILED;
		}
	}

	/** 403: no consent. Logged and told once; no more tries this run. */
	private Outcome noConsent() {
		if (forbidden.compareAndSet(false, true)) {
			log.warn("Microsoft Graph refused to install Fieldnotes in Teams (403): an admin has not consented to "
					+ "TeamsAppInstallation.ReadWriteForUser.All for the bot's app. No more installs are tried until "
					+ "the next start; invited people get e-mail until they install it themselves (docs/teams.md)");
			events.publishEvent(new AdminNotice(FORBIDDEN_NOTICE + run, "teams.graph.noConsent",
					List.of("TeamsAppInstallation.ReadWriteForUser.All")));
		}
		return Outcome.NO_CONSENT;
	}

	private static boolean isObjectId(String memberId) {
		try {
			UUID.fromString(memberId);
			return memberId.length() == 36;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static String json(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/** Forgets whom it tried and a refusal, as a new start would (for tests of one application context). */
	void forget() {
		tried.clear();
		forbidden.set(false);
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}
}
