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

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;

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
				return jpeg(upright(scaled(reader.read(0, param)), orientation(image)));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private BufferedImage scaled(BufferedImage source) {
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
		return thumbnail;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	/**
	 * A phone stores its photos as the sensor saw them and says in EXIF how to turn them;
	 * browsers honour that for the full photo, so the thumbnail must too.
	 */
	private static int orientation(byte[] image) {
		try {
			ExifIFD0Directory exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image))
				.getFirstDirectoryOfType(ExifIFD0Directory.class);
			return (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION))
					? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
		}
		catch (Exception ex) {
			return 1;
		}
	}

	/**
	 * The thumbnail turned and mirrored as EXIF orientation 2 to 8 asks (it is small).
	 */
	static BufferedImage upright(BufferedImage source, int orientation) {
		if (orientation < 2 || orientation > 8) {
			return source;
		}
		int w = source.getWidth();
		int h = source.getHeight();
		boolean swap = orientation >= 5;
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int rgb = source.getRGB(x, y);
				switch (orientation) {
					case 2 -> turned.setRGB(w - 1 - x, y, rgb);
					case 3 -> turned.setRGB(w - 1 - x, h - 1 - y, rgb);
					case 4 -> turned.setRGB(x, h - 1 - y, rgb);
					case 5 -> turned.setRGB(y, x, rgb);
					case 6 -> turned.setRGB(h - 1 - y, x, rgb);
					case 7 -> turned.setRGB(h - 1 - y, w - 1 - x, rgb);
					default -> turned.setRGB(y, w - 1 - x, rgb);
				}
			}
		}
		return turned;
	}

}
