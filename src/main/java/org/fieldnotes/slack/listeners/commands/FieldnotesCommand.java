package org.fieldnotes.slack.listeners.commands;

import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.commands.Commands;
import org.fieldnotes.slack.BlockKitRenderer;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackListener;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;

/**
 * {@code /fieldnotes …}: answered ephemerally, in the ack itself, so only the person who typed it sees it.
 */
@Component
class FieldnotesCommand implements SlackListener {

	static final String COMMAND = "/fieldnotes";
	/** Slack escapes mentions in command text as {@code <@U123|name>}; the command module wants {@code @U123}. */
	private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");

	private final Commands commands;
	private final BlockKitRenderer renderer = new BlockKitRenderer();

	FieldnotesCommand(Commands commands) {
		this.commands = commands;
	}

	@Override
	public void register(App app) {
		app.command(COMMAND, (request, ctx) -> {
			String text = Mrkdwn.unescape(MENTION
				.matcher(request.getPayload().getText() == null ? "" : request.getPayload().getText())
				.replaceAll("@$1"));
			ChatMessage answer = commands.run(request.getPayload().getUserId(), text);
			return ctx.ack(r -> r.responseType("ephemeral").text(renderer.fallback(answer)).blocks(renderer.render(answer)));
		});
	}
}
