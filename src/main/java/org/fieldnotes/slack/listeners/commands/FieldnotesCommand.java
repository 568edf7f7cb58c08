package org.fieldnotes.slack.listeners.commands;

import java.util.Optional;
import java.util.regex.Pattern;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.commands.CommandForms;
import org.fieldnotes.commands.Commands;
import org.fieldnotes.slack.BlockKitRenderer;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.fieldnotes.slack.views.SlackTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/**
 * {@code /fieldnotes …}: answered ephemerally, in the ack itself, so only the person who typed it sees it. A command
 * that asks for a form ({@link CommandForms}: e.g. {@code enroll} alone) opens it as a modal instead, before the ack
 * (its {@code trigger_id} is good for 3 seconds); when the modal cannot open, the ack says why. A subcommand that calls Slack itself ({@code send-now}) is
 * acknowledged first and answered through the command's {@code response_url}, still only to its author.
 */
@Component
class FieldnotesCommand implements SlackListener {

	static final String COMMAND = "/fieldnotes";
	private static final Logger log = LoggerFactory.getLogger(FieldnotesCommand.class);
	/**
	 * Slack escapes mentions in command text as {@code <@U123|name>}; they are handed on as {@code @U123} (what the
	 * Slack adapter's {@link SlackMemberReferences} reads, and what answers that echo the text show).
	 */
	private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");

	private final Commands commands;
	private final CommandForms forms;
	private final Messenger messenger;
	private final SlackTexts texts;

	FieldnotesCommand(Commands commands, CommandForms forms, Messenger messenger, SlackTexts texts) {
		this.commands = commands;
		this.forms = forms;
		this.messenger = messenger;
		this.texts = texts;
	}

	private void answerLater(SlashCommandContext ctx, BlockKitRenderer renderer, ChatAccount member, String text) {
		try {
			ChatMessage answer = commands.run(member, text);
			var response = ctx.respond(r -> r.responseType("ephemeral").text(renderer.fallback(answer))
				.blocks(renderer.renderOne(answer)));
			if (response.getCode() != 200) {
				log.warn("Could not answer a command after its ack: HTTP {}", response.getCode());
			}
		}
		catch (Exception e) {
			log.warn("Could not answer a command after its ack: {}", e.getClass().getSimpleName());
		}
	}

	/** Opens the form; what to answer instead when there is none or it could not open. */
	private Optional<ChatMessage> open(CommandForms.CommandForm form, ChatAccount member, String triggerId) {
		if (!form.opening().opens()) {
			return Optional.of(form.opening().instead());
		}
		try {
			messenger.openForm(member, triggerId, form.opening().form());
			return Optional.empty();
		}
		catch (DeliveryFailed e) {
			log.warn("Could not open the form {}: {}", form.opening().form().id(), e.reason());
			return Optional.of(form.openFailed().apply(e.reason()));
		}
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
			ChatAccount member = SlackMemberReferences.member(ctx, userId);
			BlockKitRenderer renderer = new BlockKitRenderer(
					() -> texts.t("slack.continued", texts.localeOf(member)));
			Optional<CommandForms.CommandForm> form = forms.forText(member, text);
			if (form.isPresent()) {
				Optional<ChatMessage> problem = open(form.get(), member, request.getPayload().getTriggerId());
				if (problem.isEmpty()) {
					return ctx.ack();
				}
				return ctx.ack(r -> r.responseType("ephemeral")
					.text(renderer.fallback(problem.get()))
					.blocks(renderer.renderOne(problem.get())));
			}
			if (commands.answersAfterAck(member, text)) {
				// it calls Slack (e.g. send-now sends a prompt): acknowledge now, answer through the response_url
				app.executorService().execute(() -> answerLater(ctx, renderer, member, text));
				return ctx.ack();
			}
			ChatMessage answer = commands.run(member, text);
			return ctx.ack(r -> r.responseType("ephemeral").text(renderer.fallback(answer)).blocks(renderer.renderOne(answer)));
		});
	}
}
