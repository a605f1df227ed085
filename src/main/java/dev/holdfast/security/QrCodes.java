package dev.holdfast.security;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.util.Utils;

/** The {@code otpauth://} enrolment link and its QR code, for authenticator apps. */
final class QrCodes {

	private QrCodes() {
	}

	static String otpauthUri(String issuer, String username, String secret) {
		return data(issuer, username, secret).getUri();
	}

	/** A PNG data URI, so the page needs no extra request (and no external service). */
	static String dataUri(String issuer, String username, String secret) {
		try {
			ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
			generator.setImageSize(240);
			return Utils.getDataUriForImage(generator.generate(data(issuer, username, secret)),
					generator.getImageMimeType());
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("cannot draw the QR code", ex);
		}
	}

	private static QrData data(String issuer, String username, String secret) {
		return new QrData.Builder().label(username)
			.secret(secret)
			.issuer(issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(TotpCodes.PERIOD_SECONDS)
			.build();
	}

}
