package org.fieldnotes.slack.listeners.commands;

import java.util.Locale;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.commands.Commands;
import org.fieldnotes.slack.BlockKitRenderer;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.views.Modals;
import org.fieldnotes.slack.views.SlackTexts;
import org.fieldnotes.placement.PlacementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;

/**
 * {@code /fieldnotes …}: answered ephemerally, in the ack itself, so only the person who typed it sees it.
 * {@code /fieldnotes status} is Slack's own: it opens the status-update modal with the command's trigger id, after
 * the ack.
 */
@Component
class FieldnotesCommand implements SlackListener {

	static final String COMMAND = "/fieldnotes";
	/** Slack escapes mentions in command text as {@code <@U123|name>}; the command module wants {@code @U123}. */
	private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");

	static final String STATUS = "status";
	private static final Logger log = LoggerFactory.getLogger(FieldnotesCommand.class);

	private final Commands commands;
	private final PlacementManagement placements;
	private final Modals modals;
	private final SlackTexts texts;
	private final BlockKitRenderer renderer = new BlockKitRenderer();

	FieldnotesCommand(Commands commands, PlacementManagement placements, Modals modals, SlackTexts texts) {
		this.commands = commands;
		this.placements = placements;
		this.modals = modals;
		this.texts = texts;
	}

	@Override
	public void register(App app) {
		app.command(COMMAND, (request, ctx) -> {
			String text = Mrkdwn.unescape(MENTION
				.matcher(request.getPayload().getText() == null ? "" : request.getPayload().getText())
				.replaceAll("@$1"));
			String userId = request.getPayload().getUserId();
			if (text.strip().equalsIgnoreCase(STATUS)) {
				Locale locale = texts.localeOf(userId);
				if (placements.currentFor(userId).isEmpty()) {
					ChatMessage answer = ChatMessage.text(texts.t("notEnrolled", locale));
					return ctx.ack(r -> r.responseType("ephemeral").text(renderer.fallback(answer)).blocks(renderer.render(answer)));
				}
				String triggerId = request.getPayload().getTriggerId();
				app.executorService().execute(() -> openStatus(ctx, triggerId, locale));
				return ctx.ack();
			}
			ChatMessage answer = commands.run(request.getPayload().getUserId(), text);
			return ctx.ack(r -> r.responseType("ephemeral").text(renderer.fallback(answer)).blocks(renderer.render(answer)));
		});
	}

	private void openStatus(SlashCommandContext ctx, String triggerId, Locale locale) {
		try {
			var response = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(modals.status(locale, null)));
			if (!response.isOk()) {
				log.warn("Could not open the status-update modal: {}", response.getError());
			}
		}
		catch (Exception e) {
			log.warn("Could not open the status-update modal: {}", e.getClass().getSimpleName());
		}
	}
}
