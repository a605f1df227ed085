package dev.holdfast.followup;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.holdfast.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Photos lose their position and keep their orientation, in every format a phone sends.
 */
class GeotagsTests {

	private final Geotags geotags = new Geotags();

	@Test
	void aJpegLosesItsGpsAndXmpPositionLosslesslyAndKeepsItsOrientation() throws IOException {
		byte[] photo = GeotaggedPhotos.jpeg();
		assertThat(GeotaggedPhotos.hasGps(photo)).as("the sample carries a position").isTrue();

		byte[] stripped = this.geotags.removedFrom(AttachmentType.JPEG, photo, "file");

		assertThat(Geotags.hasLocation(stripped)).isFalse();
		assertThat(new String(stripped, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
		assertThat(GeotaggedPhotos.orientation(stripped)).isEqualTo(GeotaggedPhotos.ORIENTATION);
		assertThat(pixels(stripped)).as("the image data is untouched").isEqualTo(pixels(photo));
	}

	@Test
	void aPngLosesTheGpsOfItsExifChunkAndKeepsItsOrientation() throws IOException {
		byte[] photo = GeotaggedPhotos.png();
		assertThat(GeotaggedPhotos.hasGps(photo)).isTrue();

		byte[] stripped = this.geotags.removedFrom(AttachmentType.PNG, photo, "file");

		assertThat(Geotags.hasLocation(stripped)).isFalse();
		assertThat(GeotaggedPhotos.orientation(stripped)).isEqualTo(GeotaggedPhotos.ORIENTATION);
		assertThat(pixels(stripped)).as("still a valid PNG, CRCs included").isEqualTo(pixels(photo));
	}

	@Test
	void aWebpLosesTheGpsOfItsExifChunkInPlace() {
		byte[] photo = GeotaggedPhotos.webp();
		assertThat(GeotaggedPhotos.hasGps(photo)).isTrue();

		byte[] stripped = this.geotags.removedFrom(AttachmentType.WEBP, photo, "file");

		assertThat(Geotags.hasLocation(stripped)).isFalse();
		assertThat(stripped).hasSameSizeAs(photo);
		assertThat(GeotaggedPhotos.orientation(stripped)).isEqualTo(GeotaggedPhotos.ORIENTATION);
	}

	@Test
	void aHeifLosesTheGpsOfItsExifItemWithoutAnyOffsetMoving() {
		byte[] photo = GeotaggedPhotos.heif();
		assertThat(GeotaggedPhotos.hasGps(photo)).isTrue();

		byte[] stripped = this.geotags.removedFrom(AttachmentType.HEIC, photo, "file");

		assertThat(Geotags.hasLocation(stripped)).isFalse();
		assertThat(stripped).hasSameSizeAs(photo);
		assertThat(GeotaggedPhotos.orientation(stripped)).isEqualTo(GeotaggedPhotos.ORIENTATION);
	}

	@Test
	void aPhotoWithoutPositionAndAnyOtherFileStayExactlyAsTheyCame() {
		byte[] photo = SampleFiles.photo(Color.RED);
		assertThat(this.geotags.removedFrom(AttachmentType.JPEG, photo, "file")).isSameAs(photo);
		byte[] pdf = SampleFiles.pdf();
		assertThat(this.geotags.removedFrom(AttachmentType.PDF, pdf, "file")).isSameAs(pdf);
	}

	@Test
	void aPhotoWhosePositionCannotBeRemovedIsRefused() {
		// a position in an EXIF structure the container's walk does not reach: refused
		byte[] photo = GeotaggedPhotos.png();
		assertThatThrownBy(() -> this.geotags.removedFrom(AttachmentType.WEBP, photo, "file"))
			.isInstanceOf(InvalidInputException.class);
	}

	private static int[] pixels(byte[] image) throws IOException {
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
		return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
	}

}
