package org.fieldnotes.chat;

import java.util.Arrays;
import java.util.Objects;

/**
 * A picture to show someone, e.g. a chart: PNG bytes with a title and a text alternative. The alt text is the
 * accessible equivalent of the picture (a screen reader reads it, an e-mail's plain-text part carries it), not a
 * caption; like every string in a message it is data, never markup.
 *
 * @param filename a file name ending in {@code .png}, e.g. {@code mood-week-6.png}
 * @param title a short title, already in the reader's language
 * @param altText what the picture shows, in words, already in the reader's language
 * @param png the PNG image; must not be {@literal null}
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 */
public record Image(String filename, String title, String altText, byte[] png, int width, int height) {

	public Image {
		Objects.requireNonNull(png, "png");
		Objects.requireNonNull(altText, "altText");
		png = png.clone();
	}

	@Override
	public byte[] png() {
		return png.clone();
	}

	/** The media type of {@link #png()}. */
	public String contentType() {
		return "image/png";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Image image && Objects.equals(filename, image.filename)
				&& Objects.equals(title, image.title) && altText.equals(image.altText) && Arrays.equals(png, image.png)
				&& width == image.width && height == image.height;
	}

	@Override
	public int hashCode() {
		return Objects.hash(filename, title, altText, Arrays.hashCode(png), width, height);
	}

	@Override
	public String toString() {
		return "Image[" + filename + ", " + png.length + " bytes, " + width + "x" + height + "]";
	}
}
