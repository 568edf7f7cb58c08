package org.fieldnotes.slack.listeners.commands;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.commands.Commands;
import org.fieldnotes.slack.BlockKitRenderer;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.views.SlackTexts;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;

/**
 * {@code /fieldnotes …}: answered ephemerally, in the ack itself, so only the person who typed it sees it. A
 * {@link SlashCommandForm} that recognises the text (e.g. {@code enroll} alone) opens its modal instead.
 */
@Component
class FieldnotesCommand implements SlackListener {

	static final String COMMAND = "/fieldnotes";
	/** Slack escapes mentions in command text as {@code <@U123|name>}; the command module wants {@code @U123}. */
	private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");

	private final Commands commands;
	private final List<SlashCommandForm> forms;
	private final SlackTexts texts;

	FieldnotesCommand(Commands commands, List<SlashCommandForm> forms, SlackTexts texts) {
		this.commands = commands;
		this.forms = forms;
		this.texts = texts;
	}

	@Override
	public void register(App app) {
		app.command(COMMAND, (request, ctx) -> {
			String text = Mrkdwn.unescape(MENTION
				.matcher(request.getPayload().getText() == null ? "" : request.getPayload().getText())
				.replaceAll("@$1"));
			String userId = request.getPayload().getUserId();
			if (userId == null || userId.isBlank()) {
				// Slack always names who typed the command; without it there is nobody to answer
				return Response.builder().statusCode(400).contentType("application/json")
					.body("{\"ok\":false,\"error\":\"invalid_payload\"}").build();
			}
			BlockKitRenderer renderer = new BlockKitRenderer(
					() -> texts.t("slack.continued", texts.localeOf(userId)));
			for (SlashCommandForm form : forms) {
				if (form.opens(userId, text)) {
					Optional<ChatMessage> problem = form.open(request.getPayload().getTriggerId(), userId);
					if (problem.isEmpty()) {
						return ctx.ack();
					}
					return ctx.ack(r -> r.responseType("ephemeral")
						.text(renderer.fallback(problem.get()))
						.blocks(renderer.renderOne(problem.get())));
				}
			}
			ChatMessage answer = commands.run(userId, text);
			return ctx.ack(r -> r.responseType("ephemeral").text(renderer.fallback(answer)).blocks(renderer.renderOne(answer)));
		});
	}
}
