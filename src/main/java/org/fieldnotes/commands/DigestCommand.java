package org.fieldnotes.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.access.AccessPolicy;
import org.fieldnotes.access.Decision;
import org.fieldnotes.access.Operation;
import org.fieldnotes.access.Target;
import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.chat.AccountReferences;
import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.digest.CohortDigests;
import org.fieldnotes.digest.DigestPreferences;
import org.fieldnotes.digest.DigestResender;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.placement.PlacementManagement;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes digest …} for managers and coaches:
 * <ul>
 * <li>{@code preview}: the digest they would get now, covering the last 7 days; nothing is sent and the week's
 * digest still goes out on schedule. Admins may add {@code @person} to see someone else's (audited), with only what
 * an admin may read.</li>
 * <li>{@code settings [day] [HH:mm] [slack|email] [address]}: their day, time and channel (alone: what is set).</li>
 * <li>{@code last}, {@code week 2026-W47}: a recorded digest again, as a DM.</li>
 * </ul>
 */
@Component
class DigestCommand implements Subcommand {

	private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");

	private final DigestService digests;
	private final DigestPreferences settings;
	private final DigestResender resender;
	private final DigestSettingsText text;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final People people;
	private final PlacementManagement placements;
	private final AccountReferences references;
	private final CohortDigests cohort;
	private final Replies replies;

	DigestCommand(DigestService digests, DigestPreferences settings, DigestResender resender, DigestSettingsText text,
			AccessPolicy access, AuditLog audit, People people, PlacementManagement placements,
			AccountReferences references, CohortDigests cohort, Replies replies) {
		this.placements = placements;
		this.digests = digests;
		this.settings = settings;
		this.resender = resender;
		this.text = text;
		this.access = access;
		this.audit = audit;
		this.people = people;
		this.references = references;
		this.cohort = cohort;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "digest";
	}

	@Override
	public int helpOrder() {
		return 30;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		String rest = invocation.rest().strip();
		int space = rest.indexOf(' ');
		String action = (space < 0 ? rest : rest.substring(0, space)).toLowerCase(Locale.ROOT);
		String args = space < 0 ? "" : rest.substring(space + 1).strip();
		switch (action) {
			case "preview":
				return args.isEmpty() ? ownPreview(invocation.caller(), locale) : previewOf(invocation, locale);
			case "settings":
				return settings(invocation.caller(), args, locale);
			case "last":
				return args.isEmpty() ? again(invocation.caller(), null, locale)
						: replies.usage(replies.t("digest.command.what", locale), name(), locale);
			case "week":
				String week = args.toUpperCase(Locale.ROOT);
				if (!WEEK.matcher(week).matches()) {
					return replies.usage(replies.t("digestsettings.week.invalid", locale, args), name(), locale);
				}
				return again(invocation.caller(), week, locale);
			default:
				return replies.usage(replies.t("digest.command.what", locale), name(), locale);
		}
	}

	/** Their own digest and, for an admin, the cohort digest: both in one answer when they get both. */
	private ChatMessage ownPreview(ChatAccount caller, Locale locale) {
		Optional<PersonId> person = people.find(caller).map(Person::id);
		Optional<ChatMessage> own = person.flatMap(digests::preview);
		Optional<ChatMessage> cohortDigest = person.flatMap(cohort::preview);
		if (own.isPresent() && cohortDigest.isPresent()) {
			return both(own.get(), cohortDigest.get());
		}
		return own.or(() -> cohortDigest).orElseGet(() -> replies.text("digest.preview.none", locale));
	}

	/** {@code preview @person}: admins see someone else's digest as it would look now; every look is audited. */
	private ChatMessage previewOf(Invocation invocation, Locale locale) {
		Optional<ChatAccount> target = invocation.mention();
		Decision decision = access.decide(access.member(invocation.caller()), Operation.COMMAND_DIGEST_PREVIEW_OF,
				Target.none());
		if (!decision.allowed()) {
			// an admin limited to programmes: a digest may span programmes, so only an admin of every programme
			return replies.text(decision.reason() == Decision.Reason.PROGRAM_ADMIN ? "command.everyProgrammeOnly"
					: "command.adminOnly", locale);
		}
		if (target.isEmpty()) {
			return replies.usage(replies.t("command.needsPerson", locale), name(), locale);
		}
		Optional<Person> person = people.find(target.get());
		// named as someone who follows a placement (and so may have a digest); else as their platform writes them
		String who = person.filter(p -> !placements.followedBy(p.id()).isEmpty()).map(Person::name)
			.filter(n -> n != null && !n.isBlank())
			.orElse(references.written(target.get()));
		// someone else's digest, seen by an admin: only what an admin may read (one's own is one's own)
		boolean own = target.get().sameMember(invocation.caller());
		Optional<ChatMessage> preview = person.map(Person::id)
			.flatMap(id -> own ? digests.preview(id) : digests.previewForAdmin(id));
		audit.record(invocation.actor(), "digest-preview", null,
				person.map(p -> p.id().value()).orElse(target.get().key()),
				preview.isPresent() ? AuditLog.DONE : AuditLog.REFUSED, preview.isPresent() ? null : "no digest");
		if (preview.isEmpty()) {
			return replies.text("digestsettings.preview.none", locale, who);
		}
		String line = replies.t("digestsettings.preview.of", locale, who);
		ChatMessage digest = preview.get();
		List<String> lines = own ? List.of(line) : List.of(line, replies.t("digestsettings.preview.asAdmin", locale));
		return new ChatMessage(line + " — " + digest.summary(), prepend(lines, digest));
	}

	private ChatMessage settings(ChatAccount caller, String args, Locale locale) {
		DigestSettingsLine line = DigestSettingsLine.parse(args);
		if (!line.ok()) {
			String problem = replies.t("digestsettings.error." + line.problem().name().toLowerCase(Locale.ROOT), locale,
					line.word());
			return settingsUsage(problem, locale);
		}
		if (line.empty()) {
			return settings.current(caller)
				.map(current -> {
					var message = ChatMessage.builder(text.schedule(current, locale))
						.paragraph(text.schedule(current, locale))
						.paragraph(text.next(current, locale));
					text.pending(current, locale).ifPresent(message::paragraph);
					return message.context(replies.t("digestsettings.howToChange", locale)).build();
				})
				.orElseGet(() -> replies.text("digest.preview.none", locale));
		}
		DigestPreferences.Changed changed = settings.change(caller, line.change());
		switch (changed.outcome()) {
			case CHANGED:
				return text.saved(changed.current(), locale);
			case NOT_A_RECIPIENT:
				return replies.text("digest.preview.none", locale);
			default:
				return settingsUsage(text.emailProblem(changed.outcome(), line.change().email(), locale), locale);
		}
	}

	private ChatMessage again(ChatAccount caller, String week, Locale locale) {
		DigestResender.Resent resent = resender.resend(caller, week);
		return replies.text("digestsettings.again." + resent.outcome().name(), locale, resent.week());
	}

	/** "⚠ {problem}" and the settings usage line. */
	private ChatMessage settingsUsage(String problem, Locale locale) {
		return ChatMessage.builder(problem)
			.paragraph(ChatMessage.Span.plain("⚠ " + problem))
			.context(replies.t("command.usage", locale, replies.t("digestsettings.usage", locale)))
			.build();
	}

	private static List<ChatMessage.Block> prepend(List<String> lines, ChatMessage message) {
		List<ChatMessage.Block> blocks = new ArrayList<>();
		lines.forEach(line -> blocks.add(new ChatMessage.Block.Context(List.of(ChatMessage.Span.plain(line)))));
		blocks.addAll(message.blocks());
		return blocks;
	}

	/** Two digests in one answer, the second after a divider. */
	private static ChatMessage both(ChatMessage first, ChatMessage second) {
		List<ChatMessage.Block> blocks = new ArrayList<>(first.blocks());
		blocks.add(new ChatMessage.Block.Divider());
		blocks.addAll(second.blocks());
		return new ChatMessage(first.summary() + " \u00b7 " + second.summary(), blocks);
	}
}
