package org.fieldnotes.home;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage.Button;
import org.fieldnotes.chat.ChatMessage.Span;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.Option;
import org.fieldnotes.logbook.RecentActivity;
import org.fieldnotes.logbook.ResponseLines;
import org.fieldnotes.logbook.VisibilityControls;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Languages;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.placement.Role;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.placement.VisibilityDefaults;
import org.fieldnotes.prompting.PromptHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A person's Home. For a participant: their placement, who follows it, the next prompt, their streak, buttons to
 * write an entry or a status update, who can see their new entries (a select to change it), and their ten latest
 * entries and status updates, each with who can see it and a menu (Edit / Delete for entries, and "Show to: …"), with
 * who read an entry and what they replied under it. For anyone else: what Fieldnotes is and the placements they
 * follow, never anyone's words.
 */
@Service
public class HomeScreens {

	private static final Logger log = LoggerFactory.getLogger(HomeScreens.class);
	public static final String WRITE = "home_write";
	public static final String STATUS = "home_status";
	/** The menu of an entry; option values {@code edit:<entry id>}, {@code delete:<entry id>} and {@link #SHOW_TO}. */
	public static final String ENTRY_MENU = "home_entry_menu";
	/** The menu of a status update; option values {@link #SHOW_TO}. */
	public static final String UPDATE_MENU = "home_update_menu";
	/** The select of the participant's default visibility; option values {@code private}, {@code coaches}, … */
	public static final String DEFAULT_VISIBILITY = "home_visibility_default";
	/** Menu option values that change an item's visibility start with this: {@code visibility:<key>:<id>}. */
	public static final String SHOW_TO = "visibility:";
	static final int RECENT = 10;
	/** The most followed placements listed; then the Home says how many more there are. */
	static final int MOST_FOLLOWED = 96;

	private final PlacementManagement placements;
	private final Languages languages;
	private final PromptHistory prompts;
	private final RecentActivity activity;
	private final ResponseLines responseLines;
	private final VisibilityDefaults defaults;
	private final VisibilityControls visibility;
	private final Messenger messenger;
	private final MessageSource messages;
	private final Clock clock;

	HomeScreens(PlacementManagement placements, Languages languages, PromptHistory prompts, RecentActivity activity,
			ResponseLines responseLines, VisibilityDefaults defaults, VisibilityControls visibility, Messenger messenger,
			MessageSource messages, Clock clock) {
		this.placements = placements;
		this.languages = languages;
		this.prompts = prompts;
		this.activity = activity;
		this.responseLines = responseLines;
		this.defaults = defaults;
		this.visibility = visibility;
		this.messenger = messenger;
		this.messages = messages;
		this.clock = clock;
	}

	/** Shows the person their Home as it is now (best effort: a failure is logged, never thrown). */
	public void show(ChatAccount member) {
		try {
			messenger.showHome(member, of(member));
		}
		catch (RuntimeException e) {
			log.warn("Could not show the Home: {}", e.getClass().getSimpleName());
		}
	}

	/** The person's Home as it is now. */
	public HomeScreen of(ChatAccount member) {
		Locale locale = languages.of(member);
		Optional<Placement> placement = placements.currentFor(member);
		return placement.isPresent() ? participant(placement.get(), locale) : other(member, locale);
	}

	private HomeScreen participant(Placement placement, Locale locale) {
		ZoneId zone = placement.getParticipant().zone();
		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		HomeScreen.Builder home = HomeScreen.builder().section(t("home.title", locale));
		int week = placement.weekNumberAt(clock.instant());
		home.line(t("home.placement", locale, placement.getHostOrganisation(), placement.getProgram(),
				day.format(placement.getStartDate()), day.format(placement.getEndDate()), week, placement.totalWeeks()));
		String people = people(placement, locale);
		if (!people.isEmpty()) {
			home.small(people);
		}
		String next = placement.isActive()
				? prompts.next(placement)
					.map(u -> t("home.next", locale,
							DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale).format(u.due().local()),
							u.prompt().title(locale)))
					.orElse(t("home.noNext", locale))
				: t("home.paused", locale);
		home.line(next + "\n" + t("home.streak", locale, prompts.streak(placement.getId())));
		home.buttons(Button.primary(WRITE, t("home.button.write", locale), placement.getId()),
				Button.of(STATUS, t("home.button.status", locale), placement.getId()));
		home.item(defaultVisibility(placement, locale));
		home.separatedSection(t("home.recent", locale));
		List<RecentActivity.Item> recent = activity.latest(placement.getId(), RECENT);
		if (recent.isEmpty()) {
			home.small(t("home.recent.empty", locale));
		}
		DateTimeFormatter date = DateTimeFormatter.ofPattern("EEE d MMM", locale);
		for (RecentActivity.Item item : recent) {
			String line = "  " + kind(item, locale) + "  “" + RecentActivity.excerpt(item.text()) + "”  · "
					+ visibility.label(item.visibility(), locale);
			Span when = Span.bold(date.format(item.at().atZone(zone)));
			if (item.isEntry()) {
				List<Option> options = new ArrayList<>(List.of(
						new Option("edit:" + item.entry().id(), t("home.menu.edit", locale)),
						new Option("delete:" + item.entry().id(), t("home.menu.delete", locale))));
				options.addAll(showTo(item.visibility(), item.entry().id(), locale));
				home.line(new HomeScreen.Menu(ENTRY_MENU, options), when, Span.plain(line));
				responseLines.under(item.entry(), locale).forEach(home::item);
			}
			else {
				home.line(new HomeScreen.Menu(UPDATE_MENU, showTo(item.visibility(), item.update().id(), locale)), when,
						Span.plain(line));
			}
		}
		return home.build();
	}

	/** "Who can see your new entries…: 👥 Your coaches — …", with a select to change it. */
	private HomeScreen.Line defaultVisibility(Placement placement, Locale locale) {
		Visibility current = defaults.of(placement.getParticipant().id(), placement.getProgram()).visibility();
		List<Option> options = new ArrayList<>();
		for (Visibility v : Visibility.values()) {
			options.add(new Option(v.key(), visibility.label(v, locale)));
		}
		return new HomeScreen.Line(List.of(Span.bold(t("home.visibility.default", locale)),
				Span.plain("\n" + visibility.label(current, locale) + " — " + visibility.who(current, locale))), false,
				new HomeScreen.Select(DEFAULT_VISIBILITY, options, current.key()));
	}

	/** "Show to: …" for each visibility the item does not have. */
	private List<Option> showTo(Visibility current, String id, Locale locale) {
		List<Option> options = new ArrayList<>();
		for (Visibility v : Visibility.values()) {
			if (v != current) {
				options.add(new Option(SHOW_TO + v.key() + ":" + id,
						t("home.visibility.option", locale, visibility.label(v, locale))));
			}
		}
		return options;
	}

	private HomeScreen other(ChatAccount member, Locale locale) {
		HomeScreen.Builder home = HomeScreen.builder().section("Fieldnotes").line(t("home.about", locale));
		List<Placement> followed = placements.followedBy(member);
		if (followed.isEmpty()) {
			return home.small(t("home.notEnrolled", locale)).build();
		}
		home.section(t("home.following", locale));
		for (Placement placement : followed.subList(0, Math.min(MOST_FOLLOWED, followed.size()))) {
			String role = placement.followers().entrySet().stream()
				.filter(e -> e.getValue().has(member))
				.map(e -> t("role." + e.getKey().name(), locale))
				.collect(Collectors.joining(", "));
			home.line(t("home.followed", locale, placement.getParticipant().name(), placement.getHostOrganisation(),
					placement.getProgram(), role));
		}
		if (followed.size() > MOST_FOLLOWED) {
			home.small(t("home.moreFollowed", locale, followed.size() - MOST_FOLLOWED));
		}
		return home.build();
	}

	private String people(Placement placement, Locale locale) {
		List<String> parts = new ArrayList<>();
		List<String> coaches = new ArrayList<>();
		for (Role role : List.of(Role.ACADEMIC_COACH, Role.BUSINESS_COACH)) {
			Person coach = placement.followers().get(role);
			if (coach != null) {
				coaches.add(t("home.coach." + role.name(), locale, firstName(coach.name())));
			}
		}
		if (!coaches.isEmpty()) {
			parts.add(t("home.coaches", locale, String.join(" · ", coaches)));
		}
		if (placement.getManager() != null) {
			parts.add(t("home.manager", locale, firstName(placement.getManager().name())));
		}
		return String.join(" · ", parts);
	}

	private String kind(RecentActivity.Item item, Locale locale) {
		if (item.isEntry()) {
			return t("home.kind." + item.entry().source().name(), locale);
		}
		return t("home.kind.status", locale, t("home.status." + item.update().status().name(), locale));
	}

	private static String firstName(String name) {
		String trimmed = name.strip();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
