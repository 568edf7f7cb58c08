package org.fieldnotes.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.links.BlockerLinks;
import org.fieldnotes.logbook.Blocker;
import org.fieldnotes.logbook.BlockerButtons;
import org.fieldnotes.logbook.BlockerState;
import org.fieldnotes.logbook.Blockers;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.Visibility;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A placement's blocker items in a follower's digest: each unresolved one the reader may see ({@link PlacementWeek#shows}),
 * oldest first, with its age, who it is for and who acknowledged it, its words quoted (the renderers escape them), and
 * "✓ Acknowledge blocker" and "Resolved" buttons on chat, or a signed link on e-mail. A placement with no blocker item
 * at all (status updates written before items existed) keeps the derived blocker line of the sections instead.
 */
@Component
class BlockerLines {

	private final Blockers blockers;
	private final DigestTexts texts;
	private final MessageSource messages;
	private final BlockerLinks links;
	private final Clock clock;

	BlockerLines(Blockers blockers, DigestTexts texts, MessageSource messages, BlockerLinks links, Clock clock) {
		this.blockers = blockers;
		this.texts = texts;
		this.messages = messages;
		this.links = links;
		this.clock = clock;
	}

	/** What the current digest run of this thread preloaded; none outside a run. */
	private final ThreadLocal<Loaded> preloaded = new ThreadLocal<>();

	private record Loaded(java.util.Set<String> placementIds, java.util.Map<String, List<Blocker>> blockers) {
	}

	/** A run's preloaded blockers; closing it ends the run's use of them. */
	interface Preloaded extends AutoCloseable {

		@Override
		void close();
	}

	/**
	 * Reads every blocker of the run's placements in one query (per 2,000 placements): the lines of this thread's
	 * run use them until closed, instead of two reads per placement and recipient.
	 */
	Preloaded preload(java.util.Collection<String> placementIds) {
		preloaded.set(new Loaded(java.util.Set.copyOf(placementIds), blockers.ofAll(placementIds)));
		return preloaded::remove;
	}

	/** The placement's open and acknowledged blockers, oldest first: preloaded in a run, else read. */
	private List<Blocker> unresolved(String placementId) {
		Loaded loaded = preloaded.get();
		if (loaded == null || !loaded.placementIds().contains(placementId)) {
			return blockers.unresolved(placementId);
		}
		// preloaded oldest first, as the read sorts them
		return loaded.blockers().getOrDefault(placementId, List.of()).stream()
			.filter(b -> b.state() != BlockerState.RESOLVED)
			.toList();
	}

	/** Whether the placement's blockers are items (else the sections derive them from status updates). */
	boolean itemsFor(Placement placement) {
		Loaded loaded = preloaded.get();
		if (loaded == null || !loaded.placementIds().contains(placement.getId())) {
			return blockers.anyFor(placement.getId());
		}
		return loaded.blockers().containsKey(placement.getId());
	}

	/**
	 * Writes the unresolved blockers this reader may see.
	 * @param none what to write when there is none ({@literal null}: nothing)
	 * @return how many were written
	 */
	int write(ChatMessage.Builder message, Recipient recipient, PlacementWeek week, Locale locale, String none) {
		List<Blocker> shown = unresolved(week.placement().getId()).stream()
			.filter(b -> week.shows(b.visibility()))
			.toList();
		if (shown.isEmpty() && none != null) {
			message.paragraph(Span.bold(texts.t("roles.blocker.label", locale)), Span.plain("  " + none));
		}
		ZoneId zone = week.placement().getParticipant().zone();
		Instant now = clock.instant();
		for (Blocker blocker : shown) {
			String owner = texts.t("blockers.owner." + blocker.owner().name(), locale);
			String since = texts.date(blocker.openedOn(zone), locale);
			String line = blocker.state() == BlockerState.ACKNOWLEDGED
					? texts.t("blockers.digest.acknowledged", locale, blocker.ageDays(now, zone), since, owner,
							texts.t("blockers.owner." + blocker.acknowledgedAs().name(), locale))
					: texts.t("blockers.digest.line", locale, blocker.ageDays(now, zone), since, owner);
			message.quote(line, blocker.text());
			actions(message, recipient, blocker, locale);
		}
		return shown.size();
	}

	/**
	 * The oldest unresolved blocker's age in days, from every item that is not private (a fact, as the flags show it);
	 * empty when none is unresolved.
	 */
	Optional<Long> oldestAge(Placement placement) {
		ZoneId zone = placement.getParticipant().zone();
		Instant now = clock.instant();
		return unresolved(placement.getId()).stream()
			.filter(b -> b.visibility() != Visibility.PRIVATE)
			.map(b -> b.ageDays(now, zone))
			.max(Long::compare);
	}

	private void actions(ChatMessage.Builder message, Recipient recipient, Blocker blocker, Locale locale) {
		if (!recipient.byEmail()) {
			message.buttons(Button.of(BlockerButtons.ACKNOWLEDGE, texts.t("blockers.button.acknowledge", locale),
					blocker.id()), Button.of(BlockerButtons.RESOLVE, texts.t("blockers.button.resolve", locale),
							blocker.id()));
			return;
		}
		links.linkFor(blocker.id(), recipient.key()).ifPresent(url -> message.link(
				messages.getMessage("blockers.link", new Object[] { links.validDays() }, locale), url));
	}
}
