package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Random;

import javax.imageio.ImageIO;

import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Image;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pictures as Teams shows them inline: a data URI within the message size Teams takes, drawn smaller if need be. */
class TeamsImagesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aChartAsTheDigestDrawsItGoesInlineAsItIsWithItsWordsAsPlainText() throws IOException {
		XYChart chart = new XYChartBuilder().width(800).height(400).title("Mood").build();
		chart.addSeries("mood", new double[] { 1, 2, 3, 4, 5, 6 }, new double[] { 4, 3, 2, 3, 4, 5 });
		byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
		Image image = new Image("mood-week-6.png", "Ada — mood", "Ada, mood over 6 weeks: 4, 3, 2, 3, 4, 5 <b>&</b>",
				png, 800, 400);

		JsonNode activity = JSON.readTree(JSON.writeValueAsString(TeamsImages.activity(image)));

		assertThat(activity.get("textFormat").asString()).as("the words are never read as markup").isEqualTo("plain");
		assertThat(activity.get("text").asString())
			.isEqualTo("Ada — mood\n\nAda, mood over 6 weeks: 4, 3, 2, 3, 4, 5 <b>&</b>");
		JsonNode attachment = activity.get("attachments").get(0);
		assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
		assertThat(attachment.get("name").asString()).isEqualTo("mood-week-6.png");
		assertThat(decoded(attachment)).as("small enough: the very bytes drawn").isEqualTo(png);
		assertThat(JSON.writeValueAsBytes(activity).length).isLessThanOrEqualTo(TeamsImages.MAX_BYTES);
	}

	@Test
	void aPictureTooLargeForOneMessageIsDrawnSmallerUntilItFits() throws IOException {
		byte[] png = noise(800, 400, 115);
		assertThat(Base64.getEncoder().encode(png).length).as("too large as it is")
			.isGreaterThan(TeamsImages.MAX_BYTES);
		Image image = new Image("busy.png", "Busy", "A busy picture", png, 800, 400);

		JsonNode activity = JSON.readTree(JSON.writeValueAsString(TeamsImages.activity(image)));

		assertThat(JSON.writeValueAsBytes(activity).length).isLessThanOrEqualTo(TeamsImages.MAX_BYTES);
		BufferedImage sent = ImageIO.read(new ByteArrayInputStream(decoded(activity.get("attachments").get(0))));
		assertThat(sent.getWidth()).as("smaller, at least half as wide").isLessThan(800).isGreaterThanOrEqualTo(400);
		assertThat((double) sent.getWidth() / sent.getHeight()).as("same shape").isCloseTo(2.0,
				org.assertj.core.data.Offset.offset(0.02));
	}

	@Test
	void aPictureTooLargeEvenAtHalfItsSizeIsNotSentAndSaysWhy() throws IOException {
		Image image = new Image("noise.png", "Noise", "Noise", noise(800, 400, 400), 800, 400);

		assertThatThrownBy(() -> TeamsImages.activity(image)).isInstanceOfSatisfying(DeliveryFailed.class, e -> {
			assertThat(e.reason()).isEqualTo(TeamsImages.TOO_LARGE);
			assertThat(e.kind()).isEqualTo(DeliveryFailed.Kind.PERMANENT);
		});
	}

	private static byte[] decoded(JsonNode attachment) {
		String url = attachment.get("contentUrl").asString();
		assertThat(url).startsWith("data:image/png;base64,");
		return Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()));
	}

	/** A white picture with a square of random pixels in its middle: PNG cannot make random pixels smaller. */
	private static byte[] noise(int width, int height, int square) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.dispose();
		Random random = new Random(42);
		int left = (width - square) / 2;
		int top = (height - square) / 2;
		for (int x = 0; x < Math.min(square, width); x++) {
			for (int y = 0; y < Math.min(square, height); y++) {
				image.setRGB(Math.min(left + x, width - 1), Math.max(0, Math.min(top + y, height - 1)),
						random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
