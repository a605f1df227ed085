package dev.holdfast.followup;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.holdfast.followup.files.FileProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thumbnails: small, upright as the phone meant the photo, and absent for what can't be
 * drawn.
 */
class ThumbnailsTests {

	private final Thumbnails thumbnails = new Thumbnails(
			new FileProperties(DataSize.ofMegabytes(20), java.nio.file.Path.of("target/unused"), 240, null));

	@Test
	void aPhotoBecomesAJpegOfAtMost240Pixels() throws IOException {
		BufferedImage thumbnail = read(this.thumbnails.of(SampleFiles.photo(Color.RED)));
		assertThat(thumbnail.getWidth()).isEqualTo(240);
		assertThat(thumbnail.getHeight()).isEqualTo(180);
	}

	@Test
	void aPhotoTakenUprightOnAPhoneStaysUpright() throws IOException {
		// the sensor's landscape picture, with EXIF orientation 6: "turn it 90°
		// clockwise"
		byte[] jpeg = withOrientation(SampleFiles.photo(Color.BLUE), 6);
		BufferedImage thumbnail = read(this.thumbnails.of(jpeg));
		assertThat(thumbnail.getWidth()).isEqualTo(180);
		assertThat(thumbnail.getHeight()).isEqualTo(240);
	}

	@Test
	void turningMovesTheCornersWhereTheyBelong() {
		BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xFF0000);
		BufferedImage clockwise = Thumbnails.upright(image, 6);
		assertThat(clockwise.getWidth()).isEqualTo(2);
		assertThat(clockwise.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
		BufferedImage counter = Thumbnails.upright(image, 8);
		assertThat(counter.getRGB(0, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
		assertThat(Thumbnails.upright(image, 3).getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
	}

	@Test
	void whatIsNotAReadableImageHasNoThumbnail() {
		assertThat(this.thumbnails.of(SampleFiles.text())).isNull();
		assertThat(this.thumbnails.of(SampleFiles.pdf())).isNull();
	}

	private static BufferedImage read(byte[] jpeg) throws IOException {
		assertThat(jpeg).isNotNull();
		return ImageIO.read(new ByteArrayInputStream(jpeg));
	}

	/** The JPEG with an EXIF block (APP1) that holds only the orientation. */
	static byte[] withOrientation(byte[] jpeg, int orientation) {
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0,
				0, 0, 0 };
		byte[] header = { 'E', 'x', 'i', 'f', 0, 0 };
		int length = 2 + header.length + tiff.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(header);
		out.writeBytes(tiff);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

}
