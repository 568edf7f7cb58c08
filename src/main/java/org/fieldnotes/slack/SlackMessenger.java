package org.fieldnotes.slack;

import java.io.IOException;
import java.util.List;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.MessageRef;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.SentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.reactions.ReactionsAddResponse;
import com.slack.api.model.block.LayoutBlock;

/**
 * Sends direct messages through the Slack Web API: {@code chat.postMessage} to the member id opens (or reuses)
 * the app's DM with that person, so only {@code chat:write} is needed. Pictures go up with {@code files.uploadV2}
 * (scope {@code files:write}).
 */
class SlackMessenger implements Messenger {

	private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
	static final String SAVED_REACTION = "white_check_mark";

	private final MethodsClient slack;
	private final BlockKitRenderer renderer = new BlockKitRenderer();

	SlackMessenger(MethodsClient slack) {
		this.slack = slack;
	}

	@Override
	public SentMessage sendDirect(String userId, ChatMessage message) {
		List<List<LayoutBlock>> parts = BlockKitRenderer.parts(renderer.render(message));
		String text = renderer.fallback(message);
		SentMessage first = null;
		for (List<LayoutBlock> blocks : parts) {
			ChatPostMessageResponse response = call(() -> slack
				.chatPostMessage(r -> r.channel(userId).text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
			if (!response.isOk()) {
				throw new DeliveryFailed(response.getError(), null);
			}
			if (first == null) {
				first = new SentMessage(response.getChannel(), response.getTs());
			}
		}
		return first;
	}

	/** {@code chat.update}: the message keeps its place in the conversation; longer replacements are cut to 50 blocks. */
	@Override
	public void update(SentMessage message, ChatMessage replacement) {
		List<LayoutBlock> blocks = BlockKitRenderer.parts(renderer.render(replacement)).get(0);
		String text = renderer.fallback(replacement);
		ChatUpdateResponse response = call(
				() -> slack.chatUpdate(r -> r.channel(message.channel()).ts(message.ts()).text(text).blocks(blocks)));
		if (!response.isOk()) {
			throw new DeliveryFailed(response.getError(), null);
		}
	}

	/**
	 * The {@code files.uploadV2} flow: {@code files.getUploadURLExternal} (file name, length, alt text), the PNG
	 * bytes POSTed to the returned upload URL, then {@code files.completeUploadExternal} sharing it into the
	 * message's channel, in its thread, with the image's title.
	 */
	@Override
	public void shareImage(SentMessage where, Image image) {
		FilesUploadV2Response response;
		try {
			response = slack.filesUploadV2(r -> r.channel(where.channel())
				.threadTs(where.ts())
				.fileData(image.png())
				.filename(image.filename())
				.title(image.title())
				.altTxt(image.altText())
				.requestFileInfo(false));
		}
		catch (SlackFilesUploadV2Exception e) {
			throw new DeliveryFailed(uploadError(e), e);
		}
		catch (SlackApiException e) {
			throw new DeliveryFailed("http_" + e.getResponse().code(), e);
		}
		catch (IOException e) {
			throw new DeliveryFailed("unreachable", e);
		}
		if (!response.isOk()) {
			throw new DeliveryFailed(response.getError() == null ? "upload_failed" : response.getError(), null);
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

	@Override
	public boolean connected() {
		return true;
	}

	private static <T> T call(SlackCall<T> call) {
		try {
			return call.run();
		}
		catch (SlackApiException e) {
			throw new DeliveryFailed("http_" + e.getResponse().code(), e);
		}
		catch (IOException e) {
			throw new DeliveryFailed("unreachable", e);
		}
	}

	@FunctionalInterface
	private interface SlackCall<T> {
		T run() throws IOException, SlackApiException;
	}
}
