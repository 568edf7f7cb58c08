package org.fieldnotes.slack.views;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fieldnotes.logbook.RecentActivity;
import org.fieldnotes.logbook.VisibilityChoice;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.placement.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.prompting.PromptHistory;
import org.fieldnotes.slack.Mrkdwn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.OverflowMenuElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;

/**
 * The App Home tab. For a participant: their placement, who follows it, the next prompt, their streak, buttons to
 * write an entry or a status update, who can see their new entries (a select to change it), and their ten latest
 * entries and status updates, each with who can see it and a menu (Edit / Delete for entries, and "Show to: …").
 * For anyone else: what Fieldnotes is, and the placements they follow, never anyone's words. People's words are
 * escaped; at most 100 blocks.
 */
@Component
public class HomeView {

	private static final Logger log = LoggerFactory.getLogger(HomeView.class);
	public static final String WRITE = "home_write";
	public static final String STATUS = "home_status";
	/** The overflow menu of an entry; option values {@code edit:<entry id>} and {@code delete:<entry id>}. */
	public static final String ENTRY_MENU = "home_entry_menu";
	/** The overflow menu of a status update; option values {@code visibility:<key>:<update id>}. */
	public static final String UPDATE_MENU = "home_update_menu";
	/** The select of the participant's default visibility; option values {@code private}, {@code coaches}, … */
	public static final String DEFAULT_VISIBILITY = "home_visibility_default";
	/** Menu option values that change an item's visibility start with this: {@code visibility:<key>:<id>}. */
	public static final String SHOW_TO = "visibility:";
	static final int RECENT = 10;
	static final int MAX_BLOCKS = 100;
	static final int QUOTE = 80;

	private final PlacementManagement placements;
	private final PromptHistory prompts;
	private final RecentActivity activity;
	private final SlackTexts texts;
	private final VisibilityDefaults defaults;
	private final VisibilityControls visibility;
	private final Clock clock;
	private final ResponseLines responseLines;

	HomeView(PlacementManagement placements, PromptHistory prompts, RecentActivity activity,
			SlackTexts texts, VisibilityDefaults defaults, VisibilityControls visibility, Clock clock,
			ResponseLines responseLines) {
		this.clock = clock;
		this.defaults = defaults;
		this.visibility = visibility;
		this.responseLines = responseLines;
		this.placements = placements;
		this.prompts = prompts;
		this.activity = activity;
		this.texts = texts;
	}

	/** Publishes the user's Home (best effort: a failure is logged, never thrown). */
	public void publish(MethodsClient client, String userId) {
		try {
			View view = build(userId);
			var response = client.viewsPublish(r -> r.userId(userId).view(view));
			if (!response.isOk()) {
				log.warn("Could not publish the App Home: {}", response.getError());
			}
		}
		catch (Exception e) {
			log.warn("Could not publish the App Home: {}", e.getClass().getSimpleName());
		}
	}

	public View build(String userId) {
		Locale locale = texts.localeOf(userId);
		Optional<Placement> placement = placements.currentFor(userId);
		List<LayoutBlock> blocks = placement.isPresent() ? participant(placement.get(), locale) : other(userId, locale);
		if (blocks.size() > MAX_BLOCKS) {
			// never cut silently: the last block says the rest is in the portal/API
			blocks = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
			blocks.add(context(Mrkdwn.escape(texts.t("slack.continued", locale))));
		}
		return View.builder().type("home").blocks(blocks).build();
	}

	private List<LayoutBlock> participant(Placement placement, Locale locale) {
		ZoneId zone = placement.getParticipant().zone();
		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(texts.t("home.title", locale)));
		int week = placement.weekNumberAt(clock.instant());
		blocks.add(section(Mrkdwn.escape(texts.t("home.placement", locale, placement.getHostOrganisation(),
				placement.getProgram(), day.format(placement.getStartDate()), day.format(placement.getEndDate()), week,
				placement.totalWeeks()))));
		String people = people(placement, locale);
		if (!people.isEmpty()) {
			blocks.add(context(Mrkdwn.escape(people)));
		}
		String next = placement.isActive()
				? prompts.next(placement)
					.map(u -> texts.t("home.next", locale,
							DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale).format(u.due().local()),
							u.prompt().title(locale)))
					.orElse(texts.t("home.noNext", locale))
				: texts.t("home.paused", locale);
		blocks.add(section(Mrkdwn.escape(next) + "\n" + Mrkdwn.escape(texts.t("home.streak", locale,
				prompts.streak(placement.getId())))));
		blocks.add(ActionsBlock.builder()
			.elements(List.of(
					ButtonElement.builder().actionId(WRITE).style("primary")
						.text(Modals.plain(texts.t("home.button.write", locale))).value(placement.getId()).build(),
					ButtonElement.builder().actionId(STATUS)
						.text(Modals.plain(texts.t("home.button.status", locale))).value(placement.getId()).build()))
			.build());
		blocks.add(defaultVisibility(placement, locale));
		blocks.add(DividerBlock.builder().build());
		blocks.add(header(texts.t("home.recent", locale)));
		List<RecentActivity.Item> recent = activity.latest(placement.getId(), RECENT);
		if (recent.isEmpty()) {
			blocks.add(context(Mrkdwn.escape(texts.t("home.recent.empty", locale))));
		}
		DateTimeFormatter date = DateTimeFormatter.ofPattern("EEE d MMM", locale);
		for (RecentActivity.Item item : recent) {
			String line = "*" + Mrkdwn.escape(date.format(item.at().atZone(zone))) + "*  " + Mrkdwn.escape(kind(item, locale))
					+ "  “" + Mrkdwn.escape(excerpt(item.text())) + "”  · " + Mrkdwn.escape(visibility.label(item.visibility(), locale));
			SectionBlock.SectionBlockBuilder section = SectionBlock.builder().text(mrkdwn(line));
			if (item.isEntry()) {
				List<OptionObject> options = new ArrayList<>(List.of(
						Modals.option(texts.t("home.menu.edit", locale), "edit:" + item.entry().id()),
						Modals.option(texts.t("home.menu.delete", locale), "delete:" + item.entry().id())));
				options.addAll(showTo(item.visibility(), item.entry().id(), locale));
				section.accessory(OverflowMenuElement.builder().actionId(ENTRY_MENU).options(options).build());
			}
			else {
				section.accessory(OverflowMenuElement.builder().actionId(UPDATE_MENU)
					.options(showTo(item.visibility(), item.update().id(), locale)).build());
			}
			blocks.add(section.build());
			if (item.isEntry()) {
				blocks.addAll(responseLines.under(item.entry(), locale));
			}
		}
		return blocks;
	}

	/** "Who can see your new entries…: 👥 Your coaches — …", with a select to change it. */
	private LayoutBlock defaultVisibility(Placement placement, Locale locale) {
		Visibility current = defaults.of(placement.getParticipant().slackUserId(), placement.getProgram()).visibility();
		List<OptionObject> options = new ArrayList<>();
		OptionObject selected = null;
		for (Visibility v : Visibility.values()) {
			OptionObject option = Modals.option(Modals.cut(visibility.label(v, locale), 75), v.key());
			options.add(option);
			if (v == current) {
				selected = option;
			}
		}
		return SectionBlock.builder()
			.text(mrkdwn(Mrkdwn.bold(texts.t("home.visibility.default", locale)) + "\n"
					+ Mrkdwn.escape(visibility.label(current, locale) + " — " + visibility.who(current, locale))))
			.accessory(StaticSelectElement.builder().actionId(DEFAULT_VISIBILITY).options(options)
				.initialOption(selected).build())
			.build();
	}

	/** "Show to: …" for each visibility the item does not have. */
	private List<OptionObject> showTo(Visibility current, String id, Locale locale) {
		List<OptionObject> options = new ArrayList<>();
		for (Visibility v : Visibility.values()) {
			if (v != current) {
				options.add(Modals.option(Modals.cut(texts.t("home.visibility.option", locale, visibility.label(v, locale)), 75),
						SHOW_TO + v.key() + ":" + id));
			}
		}
		return options;
	}

	private List<LayoutBlock> other(String userId, Locale locale) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header("Fieldnotes"));
		blocks.add(section(Mrkdwn.escape(texts.t("home.about", locale))));
		List<Placement> followed = placements.followedBy(userId);
		if (followed.isEmpty()) {
			blocks.add(context(Mrkdwn.escape(texts.t("home.notEnrolled", locale))));
			return blocks;
		}
		blocks.add(header(texts.t("home.following", locale)));
		int room = MAX_BLOCKS - blocks.size() - 1;
		for (Placement placement : followed.subList(0, Math.min(room, followed.size()))) {
			String role = placement.followers().entrySet().stream()
				.filter(e -> userId.equals(e.getValue().slackUserId()))
				.map(e -> texts.t("role." + e.getKey().name(), locale))
				.collect(Collectors.joining(", "));
			blocks.add(section(Mrkdwn.escape(texts.t("home.followed", locale, placement.getParticipant().name(),
					placement.getHostOrganisation(), placement.getProgram(), role))));
		}
		if (followed.size() > room) {
			blocks.add(context(Mrkdwn.escape(texts.t("home.moreFollowed", locale, followed.size() - room))));
		}
		return blocks;
	}

	private String people(Placement placement, Locale locale) {
		List<String> parts = new ArrayList<>();
		List<String> coaches = new ArrayList<>();
		for (Role role : List.of(Role.ACADEMIC_COACH, Role.BUSINESS_COACH)) {
			Person coach = placement.followers().get(role);
			if (coach != null) {
				coaches.add(texts.t("home.coach." + role.name(), locale, firstName(coach.name())));
			}
		}
		if (!coaches.isEmpty()) {
			parts.add(texts.t("home.coaches", locale, String.join(" · ", coaches)));
		}
		if (placement.getManager() != null) {
			parts.add(texts.t("home.manager", locale, firstName(placement.getManager().name())));
		}
		return String.join(" · ", parts);
	}

	private String kind(RecentActivity.Item item, Locale locale) {
		if (item.isEntry()) {
			return texts.t("home.kind." + item.entry().source().name(), locale);
		}
		return texts.t("home.kind.status", locale, texts.t("home.status." + item.update().status().name(), locale));
	}

	/** The first ~80 characters on one line, never half an emoji. */
	static String excerpt(String text) {
		String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		return flat.length() <= QUOTE ? flat : Modals.cut(flat, QUOTE + 1);
	}

	private static String firstName(String name) {
		String trimmed = name.strip();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

	private static HeaderBlock header(String text) {
		return HeaderBlock.builder().text(Modals.plain(Modals.cut(text, 150))).build();
	}

	private static SectionBlock section(String mrkdwn) {
		return SectionBlock.builder().text(mrkdwn(mrkdwn)).build();
	}

	private static ContextBlock context(String mrkdwn) {
		return ContextBlock.builder().elements(List.of(mrkdwn(mrkdwn))).build();
	}

	/** Never cut inside an escape sequence or an emoji (the texts here are short; this is the safety net). */
	private static MarkdownTextObject mrkdwn(String text) {
		return MarkdownTextObject.builder().text(Mrkdwn.truncate(text, Modals.MAX_PLAIN)).verbatim(true).build();
	}
}
