package org.fieldnotes.slack.listeners.events;

import java.util.List;
import java.util.stream.Collectors;

import org.fieldnotes.chat.InboundMessage;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.Receipt;
import org.fieldnotes.logbook.ReplyResponder;
import org.fieldnotes.slack.Mrkdwn;
import org.fieldnotes.slack.SlackListener;
import org.fieldnotes.slack.SlackMemberReferences;
import org.springframework.stereotype.Component;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.File;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;

/**
 * DMs to the bot ({@code message.im}): a new message becomes a logbook entry, an edit updates it, a deletion marks
 * it deleted. Text is stored as the person typed it, without Slack's escaping. The entry is written before the ack,
 * so a store failure answers 503 (see {@code SlackEventsServlet}) and Slack retries; the confirmation (a ✅) goes
 * out after the ack. Bots, including this one, are ignored.
 */
@Component
class DirectMessages implements SlackListener {

	private static final String PLATFORM = SlackMemberReferences.PLATFORM;

	private final Logbook logbook;
	private final ReplyResponder responder;

	DirectMessages(Logbook logbook, ReplyResponder responder) {
		this.logbook = logbook;
		this.responder = responder;
	}

	@Override
	public void register(App app) {
		app.event(MessageEvent.class, (payload, ctx) -> {
			MessageEvent event = payload.getEvent();
			if (!"im".equals(event.getChannelType()) || event.getBotId() != null || noSender(event.getUser())) {
				return ctx.ack();
			}
			return receive(app, ctx, event.getChannel(), event.getTs(), event.getUser(),
					Mrkdwn.unescape(event.getText()), event.getThreadTs());
		});
		app.event(MessageFileShareEvent.class, (payload, ctx) -> {
			MessageFileShareEvent event = payload.getEvent();
			if (!"im".equals(event.getChannelType()) || noSender(event.getUser())) {
				return ctx.ack();
			}
			return receive(app, ctx, event.getChannel(), event.getTs(), event.getUser(),
					withFiles(Mrkdwn.unescape(event.getText()), event.getFiles()), event.getThreadTs());
		});
		// a thread reply the person also sent to the conversation ("Also send to direct message")
		app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
			MessageThreadBroadcastEvent event = payload.getEvent();
			if (!"im".equals(event.getChannelType()) || noSender(event.getUser())) {
				return ctx.ack();
			}
			return receive(app, ctx, event.getChannel(), event.getTs(), event.getUser(),
					Mrkdwn.unescape(event.getText()), event.getThreadTs());
		});
		app.event(MessageChangedEvent.class, (payload, ctx) -> {
			MessageChangedEvent event = payload.getEvent();
			MessageChangedEvent.Message message = event.getMessage();
			if (message == null || message.getBotId() != null) {
				return ctx.ack();
			}
			return stored(() -> logbook.edited(ref(event.getChannel(), message.getTs()),
					Mrkdwn.unescape(message.getText())), ctx);
		});
		app.event(MessageDeletedEvent.class, (payload, ctx) -> {
			MessageDeletedEvent event = payload.getEvent();
			return stored(() -> logbook.deleted(ref(event.getChannel(), event.getDeletedTs())), ctx);
		});
		app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
	}

	/** Whether the event names no member (Slack always does; a blank one is nobody to answer). */
	private static boolean noSender(String user) {
		return user == null || user.isBlank();
	}

	private Response receive(App app, EventContext ctx, String channel, String ts, String user, String text,
			String threadTs) {
		boolean redelivery = ctx.getRetryNum() != null && ctx.getRetryNum() > 0;
		InboundMessage message = new InboundMessage(ref(channel, ts), SlackMemberReferences.member(ctx, user),
				text == null ? "" : text, threadTs, redelivery);
		// a store failure propagates: SlackEventsServlet answers 503, so Slack delivers the event again
		Receipt receipt = logbook.receive(message);
		app.executorService().execute(() -> responder.answer(receipt));
		return ctx.ack();
	}

	/**
	 * Writes, then acknowledges. A store failure is not caught here: returning a 503 from a Bolt event handler does
	 * not reach Slack (Bolt takes a non-200 answer as "not handled", tries the next handler and finally acknowledges
	 * with 200), so the exception goes up to {@code SlackEventsServlet}, which answers 503 and Slack retries.
	 */
	private static Response stored(Runnable write, EventContext ctx) {
		write.run();
		return ctx.ack();
	}

	private static MessageRef ref(String channel, String ts) {
		return new MessageRef(PLATFORM, channel, ts);
	}

	/** Keeps a note of attached files with the text, so a reply that is only a photo is not lost. */
	private static String withFiles(String text, List<File> files) {
		String base = text == null ? "" : text;
		if (files == null || files.isEmpty()) {
			return base;
		}
		String names = files.stream().map(f -> f.getName() == null ? "file" : f.getName()).collect(Collectors.joining(", "));
		return (base.isBlank() ? "" : base + "\n") + "📎 " + names;
	}
}
