package org.fieldnotes.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Form;
import org.fieldnotes.chat.HomeScreen;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.chat.SentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.reactions.ReactionsAddResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;

/**
 * Sends direct messages through the Slack Web API: {@code chat.postMessage} to the member id opens (or reuses)
 * the app's DM with that person, so only {@code chat:write} is needed. Block Kit's limits hold for every message: a
 * message of more than 50 blocks goes out as several messages, in order; a text over 3,000 characters is cut and
 * ends with "… (continued in the portal/API)" in the recipient's language. Pictures go up with
 * {@code files.uploadV2} (scope {@code files:write}). A failed send says whether Slack may have posted the message
 * all the same ({@link DeliveryFailed#mayHaveArrived()}): see {@link SlackHttp} and {@link SlackErrors}. The Home goes
 * to the App Home tab ({@code views.publish}), forms open as modals ({@code views.open}).
 */
class SlackMessenger implements PlatformMessenger {

	private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
	static final String SAVED_REACTION = "white_check_mark";

	private final MethodsClient slack;
	private final Function<ChatAccount, String> continuedFor;

	SlackMessenger(MethodsClient slack) {
		this(slack, account -> Mrkdwn.CONTINUED);
	}

	/**
	 * @param continuedFor an account → "… (continued in the portal/API)" in its person's language; only asked when
	 * a message has to be cut
	 */
	SlackMessenger(MethodsClient slack, Function<ChatAccount, String> continuedFor) {
		this.slack = slack;
		this.continuedFor = continuedFor;
	}

	@Override
	public String platform() {
		return SlackMemberReferences.PLATFORM;
	}

	/** {@code chat.postMessage} to the member id, which opens (or reuses) the app's DM with them. */
	@Override
	public SentMessage sendDirect(ChatAccount to, ChatMessage message) {
		String userId = to.memberId();
		BlockKitRenderer renderer = new BlockKitRenderer(() -> continuedFor.apply(to));
		List<List<LayoutBlock>> parts = BlockKitRenderer.parts(renderer.render(message));
		String text = renderer.fallback(message);
		SentMessage first = null;
		for (List<LayoutBlock> blocks : parts) {
			try {
				ChatPostMessageResponse response = call(() -> slack.chatPostMessage(
						r -> r.channel(userId).text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
				if (!response.isOk()) {
					throw SlackErrors.failure(response.getError(), null);
				}
				if (first == null) {
					first = new SentMessage(to, response.getChannel(), response.getTs());
				}
			}
			catch (DeliveryFailed failure) {
				// the parts before this one have arrived: another try sends them again
				throw first == null ? failure : failure.asMayHaveArrived();
			}
		}
		return first;
	}

	/**
	 * {@code chat.update}: the message keeps its place in the conversation, so a longer replacement is cut to 50
	 * blocks, the last one saying so (in English: a DM channel does not say whose language to use).
	 */
	@Override
	public void update(SentMessage message, ChatMessage replacement) {
		BlockKitRenderer renderer = new BlockKitRenderer();
		List<LayoutBlock> blocks = renderer.renderOne(replacement);
		String text = renderer.fallback(replacement);
		ChatUpdateResponse response = call(
				() -> slack.chatUpdate(r -> r.channel(message.channel()).ts(message.ts()).text(text).blocks(blocks)));
		if (!response.isOk()) {
			throw SlackErrors.failure(response.getError(), null);
		}
	}

	/**
	 * The {@code files.uploadV2} flow: {@code files.getUploadURLExternal} (file name, length, alt text), the PNG
	 * bytes POSTed to the returned upload URL, then {@code files.completeUploadExternal} sharing it into the
	 * message's channel, in its thread, with the image's title.
	 */
	@Override
	public void shareImage(SentMessage where, Image image) {
		upload(() -> slack.filesUploadV2(r -> r.channel(where.channel())
			.threadTs(where.ts())
			.fileData(image.png())
			.filename(image.filename())
			.title(image.title())
			.altTxt(image.altText())
			.requestFileInfo(false)));
	}

	/**
	 * The same {@code files.uploadV2} flow, shared into the message's conversation (not its thread). Slack takes the
	 * file's type from its name, so {@code mimeType} is not sent.
	 */
	@Override
	public void shareFile(SentMessage where, byte[] bytes, String filename, String title, String mimeType) {
		upload(() -> slack.filesUploadV2(r -> r.channel(where.channel())
			.fileData(bytes.clone())
			.filename(filename)
			.title(title)
			.requestFileInfo(false)));
	}

	private static void upload(SlackCall<FilesUploadV2Response> call) {
		FilesUploadV2Response response;
		try {
			response = call.run();
		}
		catch (SlackFilesUploadV2Exception e) {
			throw SlackErrors.failure(uploadError(e), e);
		}
		catch (SlackApiException e) {
			throw failure(e);
		}
		catch (IOException e) {
			throw SlackErrors.failure("unreachable", e);
		}
		if (!response.isOk()) {
			throw SlackErrors.failure(response.getError() == null ? "upload_failed" : response.getError(), null);
		}
	}

	/** The step of the upload flow that failed, as Slack's error code (or the upload's HTTP status). */
	private static String uploadError(SlackFilesUploadV2Exception e) {
		if (e.getCompleteResponse() != null && !e.getCompleteResponse().isOk()) {
			return e.getCompleteResponse().getError();
		}
		for (FilesGetUploadURLExternalResponse urlResponse : e.getGetURLResponses()) {
			if (!urlResponse.isOk()) {
				return urlResponse.getError();
			}
		}
		for (FilesUploadV2Response.UploadResponse upload : e.getUploadResponses().values()) {
			if (upload.getCode() != 200) {
				return "upload_http_" + upload.getCode();
			}
		}
		return "upload_failed";
	}

	@Override
	public void confirmSaved(MessageRef message) {
		try {
			ReactionsAddResponse response = slack
				.reactionsAdd(r -> r.channel(message.channel()).timestamp(message.ts()).name(SAVED_REACTION));
			if (!response.isOk() && !"already_reacted".equals(response.getError())) {
				log.warn("Could not confirm a saved entry with a reaction: {}", response.getError());
			}
		}
		catch (IOException | SlackApiException | RuntimeException e) {
			log.warn("Could not confirm a saved entry with a reaction: {}", e.getClass().getSimpleName());
		}
	}

	/** {@code chat.postEphemeral}: one message (cut to 50 blocks), seen only by that person. */
	@Override
	public void sendEphemeral(String conversation, ChatAccount to, ChatMessage message) {
		try {
			String userId = to.memberId();
			BlockKitRenderer renderer = new BlockKitRenderer(() -> continuedFor.apply(to));
			List<LayoutBlock> blocks = renderer.renderOne(message);
			String text = renderer.fallback(message);
			ChatPostEphemeralResponse response = slack
				.chatPostEphemeral(r -> r.channel(conversation).user(userId).text(text).blocks(blocks));
			if (!response.isOk()) {
				log.warn("Could not post an ephemeral message: {}", response.getError());
			}
		}
		catch (IOException | SlackApiException | RuntimeException e) {
			log.warn("Could not post an ephemeral message: {}", e.getClass().getSimpleName());
		}
	}

	/** {@code views.publish}: the App Home, rendered by {@link HomeRenderer}, cut to 100 blocks in their language. */
	@Override
	public void showHome(ChatAccount to, HomeScreen home) {
		try {
			View view = new HomeRenderer(new BlockKitRenderer(() -> continuedFor.apply(to))).render(home);
			ViewsPublishResponse response = slack.viewsPublish(r -> r.userId(to.memberId()).view(view));
			if (!response.isOk()) {
				log.warn("Could not publish the App Home: {}", response.getError());
			}
		}
		catch (IOException | SlackApiException | RuntimeException e) {
			log.warn("Could not publish the App Home: {}", e.getClass().getSimpleName());
		}
	}

	/**
	 * {@code views.open} with the action's {@code trigger_id}: the form as a modal ({@link ModalRenderer}). A refusal
	 * fails with Slack's error code (e.g. {@code expired_trigger_id}), a call that did not go through with the name of
	 * what went wrong.
	 */
	@Override
	public void openForm(ChatAccount to, String trigger, Form form) {
		View view = ModalRenderer.render(form);
		ViewsOpenResponse response;
		try {
			response = slack.viewsOpen(r -> r.triggerId(trigger).view(view));
		}
		catch (IOException | SlackApiException e) {
			throw new DeliveryFailed(e.getClass().getSimpleName(), DeliveryFailed.Kind.TRANSIENT, e);
		}
		if (!response.isOk()) {
			throw new DeliveryFailed(response.getError(), null);
		}
	}

	@Override
	public boolean connected() {
		return true;
	}

	/**
	 * One Web API call. A network failure is {@code unreachable} when the request never went out, and
	 * {@code no_answer} (outcome unknown: Slack may have acted on it) when it did and no answer came back.
	 */
	private static <T> T call(SlackCall<T> call) {
		try {
			return call.run();
		}
		catch (SlackApiException e) {
			throw failure(e);
		}
		catch (IOException e) {
			throw SlackErrors.failure(SlackHttp.notSent(e) ? SlackErrors.UNREACHABLE : SlackErrors.NO_ANSWER, e);
		}
	}

	/**
	 * A refusal over HTTP: a 429 is {@code ratelimited} with the wait Slack asked for ({@code Retry-After}, in
	 * seconds; 1 s when absent or unreadable), anything else {@code http_<status>}.
	 */
	static DeliveryFailed failure(SlackApiException e) {
		int status = e.getResponse().code();
		if (status == 429) {
			return new DeliveryFailed("ratelimited", DeliveryFailed.Kind.RATE_LIMITED,
					retryAfter(e.getResponse().header("Retry-After")), e);
		}
		return SlackErrors.failure("http_" + status, e);
	}

	static Duration retryAfter(String header) {
		try {
			long seconds = header == null ? 1 : Long.parseLong(header.strip());
			return Duration.ofSeconds(Math.max(0, seconds));
		}
		catch (NumberFormatException e) {
			return Duration.ofSeconds(1);
		}
	}

	@FunctionalInterface
	private interface SlackCall<T> {
		T run() throws IOException, SlackApiException;
	}
}
