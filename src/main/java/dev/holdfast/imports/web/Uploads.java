package dev.holdfast.imports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.multipart.MultipartFile;

import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.Imports;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.InvisibleCharacters;

/**
 * An uploaded file for the length of one call: streamed from the container's part to a
 * temporary file readable by this process alone (never held whole in memory), and deleted
 * when the call returns or fails. The files sit in a folder of this process's own, so
 * that what is left behind can be told.
 */
final class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	/** Where uploads wait while they are read. */
	static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"),
			"holdfast-uploads-" + ProcessHandle.current().pid());

	private Uploads() {
	}

	static <T> T saved(MultipartFile file, Function<Path, T> use) {
		if (file == null || (file.isEmpty() && blank(file.getOriginalFilename()))) {
			throw new InvalidInputException("file", "is required");
		}
		Path temporary = createTemporary();
		try {
			try {
				file.transferTo(temporary);
			}
			catch (IOException ex) {
				throw new InvalidInputException("file", "could not be read");
			}
			return use.apply(temporary);
		}
		finally {
			delete(temporary);
		}
	}

	/**
	 * The preview of an uploaded file through the mapping the request gives: a refusal
	 * before the service is reached (no file, a part that could not be read, a mapping
	 * that is not one) is recorded as the service records its own.
	 */
	static ImportView previewed(Imports imports, MultipartFile file, Supplier<Map<Integer, ImportField>> mapping) {
		boolean[] reached = { false };
		try {
			Map<Integer, ImportField> fields = mapping.get();
			return saved(file, saved -> {
				reached[0] = true;
				return MappingInput.reported(() -> imports.preview(saved, fileName(file), fields));
			});
		}
		catch (InvalidInputException ex) {
			if (!reached[0]) {
				imports.refusedUpload(file == null ? "" : fileName(file), ex);
			}
			throw ex;
		}
	}

	/**
	 * The longest file name kept (in characters), its extension included; the column
	 * holds 255.
	 */
	static final int LONGEST_NAME = 200;

	/**
	 * The name the client gave the file, without any folder it may name, without control
	 * or formatting characters (attack, stop 22: a right-to-left override, U+202E, was
	 * kept and shown, so that {@code 名单\u202Efdp.csv} read as a PDF's name), and cut to
	 * {@link #LONGEST_NAME} characters keeping its extension.
	 */
	static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		int[] kept = name.codePoints().filter((c) -> !InvisibleCharacters.isInvisible(c)).toArray();
		String clean = new String(kept, 0, kept.length).strip();
		int length = clean.codePointCount(0, clean.length());
		if (length <= LONGEST_NAME) {
			return clean;
		}
		int dot = clean.lastIndexOf('.');
		String extension = (dot > 0 && clean.length() - dot <= 10) ? clean.substring(dot) : "";
		int stem = LONGEST_NAME - extension.length();
		return clean.substring(0, clean.offsetByCodePoints(0, stem)) + extension;
	}

	private static boolean blank(String name) {
		return name == null || name.isBlank();
	}

	private static Path createTemporary() {
		try {
			if (!Files.isDirectory(FOLDER)) {
				if (FOLDER.getFileSystem().supportedFileAttributeViews().contains("posix")) {
					Files.createDirectories(FOLDER,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				}
				else {
					Files.createDirectories(FOLDER);
				}
			}
			return Files.createTempFile(FOLDER, "import-", ".upload");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not create a temporary file for an upload", ex);
		}
	}

	private static void delete(Path temporary) {
		try {
			Files.deleteIfExists(temporary);
		}
		catch (IOException ex) {
			// not thrown: it would hide the answer of the call
			log.error("Could not delete the upload {}", temporary, ex);
		}
	}

}
