package org.fieldnotes.teams;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Draws the Teams app's icons with Java2D: {@code color.png} (192×192, a white notebook on the accent colour, opaque)
 * and {@code outline.png} (32×32, the notebook's outline in white on transparent), as Teams asks. Run once to make the
 * committed files: {@code java -cp target/test-classes org.fieldnotes.teams.TeamsAppIcons teams-app};
 * {@code TeamsAppPackageTests} checks the committed files.
 */
public final class TeamsAppIcons {

	/** The manifest's {@code accentColor}. */
	static final Color ACCENT = new Color(0x2E, 0x6B, 0x5E);

	private TeamsAppIcons() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args.length > 0 ? args[0] : "teams-app");
		Files.createDirectories(folder);
		ImageIO.write(color(), "png", folder.resolve("color.png").toFile());
		ImageIO.write(outline(), "png", folder.resolve("outline.png").toFile());
	}

	/** 192×192, opaque: the notebook in white on the accent colour, inside Teams' safe area. */
	static BufferedImage color() {
		BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = graphics(image);
		g.setColor(ACCENT);
		g.fillRect(0, 0, 192, 192);
		g.setColor(Color.WHITE);
		g.fill(new RoundRectangle2D.Double(52, 36, 88, 120, 14, 14));
		g.setColor(ACCENT);
		g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(68, 36, 68, 156));
		for (int y = 70; y <= 122; y += 26) {
			g.draw(new Line2D.Double(82, y, 124, y));
		}
		g.dispose();
		return image;
	}

	/** 32×32: the notebook's outline in white on transparent (Teams tints it). */
	static BufferedImage outline() {
		BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = graphics(image);
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new RoundRectangle2D.Double(8, 4, 16, 24, 4, 4));
		g.draw(new Line2D.Double(12, 4, 12, 28));
		for (int y = 11; y <= 21; y += 5) {
			g.draw(new Line2D.Double(15, y, 21, y));
		}
		g.dispose();
		return image;
	}

	private static Graphics2D graphics(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		return g;
	}
}
