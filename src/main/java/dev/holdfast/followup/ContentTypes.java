package dev.holdfast.followup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;

import org.springframework.stereotype.Component;

/**
 * What a file is, read from its bytes alone: Tika's magic numbers tell images, PDF and
 * the Office containers apart; which Office document a container holds is read from the
 * container itself with POI (a zip with a Word main part is a docx; a macro-enabled one
 * is not). The name is never consulted here.
 */
@Component
class ContentTypes {

	private static final String OOXML_PREFIX = "application/vnd.openxmlformats-officedocument.";

	private static final String MAIN = ".main+xml";

	private final Tika tika = new Tika();

	Optional<AttachmentType> detect(byte[] bytes) {
		String detected = this.tika.detect(bytes);
		return Optional.ofNullable(switch (detected) {
			case "application/zip", "application/x-tika-ooxml" -> ooxml(bytes);
			case "application/x-tika-msoffice" -> ole2(bytes);
			default -> AttachmentType.ofMediaType(detected);
		});
	}

	private static AttachmentType ooxml(byte[] bytes) {
		OPCPackage pkg;
		try {
			pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
		}
		catch (Exception ex) {
			// not a readable Office package: refused like any unknown file
			return null;
		}
		try {
			List<PackagePart> main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
			if (main.size() != 1) {
				return null;
			}
			// "…wordprocessingml.document.main+xml" is a docx; a macro-enabled main part
			// is
			// not one of ours
			String type = main.get(0).getContentType();
			return (type.startsWith(OOXML_PREFIX) && type.endsWith(MAIN))
					? AttachmentType.ofMediaType(type.substring(0, type.length() - MAIN.length())) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
		finally {
			// read only: revert closes without writing anything back
			pkg.revert();
		}
	}

	private static AttachmentType ole2(byte[] bytes) {
		try (InputStream in = new ByteArrayInputStream(bytes); POIFSFileSystem fs = new POIFSFileSystem(in)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntry("WordDocument")) {
				return AttachmentType.DOC;
			}
			if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
				return AttachmentType.XLS;
			}
			if (root.hasEntry("PowerPoint Document")) {
				return AttachmentType.PPT;
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
