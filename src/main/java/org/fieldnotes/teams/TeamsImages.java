package org.fieldnotes.teams;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Image;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A picture as Teams shows it inline: a message whose attachment is the PNG as a base64 {@code data:} URI, the form
 * Microsoft gives for an image drawn in the process with nowhere to host it (nothing goes to OneDrive, no Graph
 * permission). Its text is the picture's title and alt text, plain, so that a screen reader and the notification
 * say what it shows.
 *
 * <p>Teams refuses a message over about 40 KB, so a picture whose message would be larger than {@link #MAX_BYTES}
 * is drawn smaller, step by step down to half its width; still too large, it is not sent
 * ({@code image_too_large}, permanent): the message it belongs to has gone already, and says it in words.
 */
final class TeamsImages {

	static final String TOO_LARGE = "image_too_large";
	/** The largest activity sent with a picture, in bytes of JSON: below Teams' 40 KB, with room for the envelope. */
	static final int MAX_BYTES = 38_000;
	private static final double[] SCALES = { 1.0, 0.85, 0.7, 0.5 };
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TeamsImages() {
	}

	/** The message activity showing the picture, within {@link #MAX_BYTES}. */
	static ObjectNode activity(Image image) {
		BufferedImage drawn = null;
		for (double scale : SCALES) {
			byte[] png;
			if (scale == 1.0) {
				png = image.png();
			}
			else {
				drawn = drawn != null ? drawn : read(image.png());
				png = scaled(drawn, scale);
			}
			ObjectNode activity = activity(image, png);
			if (JSON.writeValueAsBytes(activity).length <= MAX_BYTES) {
				return activity;
			}
		}
		throw new DeliveryFailed(TOO_LARGE, DeliveryFailed.Kind.PERMANENT, null);
	}

	private static ObjectNode activity(Image image, byte[] png) {
		ObjectNode activity = JSON.createObjectNode();
		activity.put("type", "message");
		activity.put("textFormat", "plain");
		String title = image.title() == null || image.title().isBlank() ? "" : image.title().strip() + "\n\n";
		activity.put("text", title + image.altText());
		activity.put("summary", image.title() == null ? image.altText() : image.title());
		ObjectNode attachment = activity.putArray("attachments").addObject();
		attachment.put("contentType", image.contentType());
		attachment.put("contentUrl", "data:" + image.contentType() + ";base64,"
				+ new String(Base64.getEncoder().encode(png), StandardCharsets.US_ASCII));
		if (image.filename() != null) {
			attachment.put("name", image.filename());
		}
		return activity;
	}

	private static BufferedImage read(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			if (image == null) {
				throw new DeliveryFailed("image_unreadable", DeliveryFailed.Kind.PERMANENT, null);
			}
			return image;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] scaled(BufferedImage image, double scale) {
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage smaller = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = smaller.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(smaller, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
