package dev.holdfast.followup;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

import dev.holdfast.followup.files.FileProperties;

/**
 * Small JPEG thumbnails of photos for the timeline, drawn on upload with the JDK's
 * ImageIO. A large photo is read subsampled, so a 48-megapixel picture does not need its
 * full size in memory; an image too large or unreadable simply has no thumbnail.
 */
@Component
class Thumbnails {

	private static final long MAX_PIXELS = 120_000_000L;

	private final int size;

	Thumbnails(FileProperties properties) {
		this.size = properties.thumbnailSize();
	}

	/** The thumbnail, or {@code null} when the image can't be read. */
	byte[] of(byte[] image) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > MAX_PIXELS) {
					return null;
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (this.size * 2));
				param.setSourceSubsampling(step, step, 0, 0);
				return scaled(reader.read(0, param));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private byte[] scaled(BufferedImage source) throws IOException {
		double factor = Math.min(1.0, (double) this.size / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
		BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = thumbnail.createGraphics();
		try {
			// transparent PNG areas become white, as JPEG has no transparency
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(thumbnail, "jpg", out);
		return out.toByteArray();
	}

}
