package dev.holdfast.evidence;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The evidence package's settings.
 *
 * @param font a TrueType or OpenType font (or collection, {@code .ttc}) with Chinese
 * glyphs, embedded in the PDF; when empty, the first of {@code fontCandidates} that
 * exists
 * @param fontCandidates where common systems keep such a font
 * @param ttl how long a built package can be downloaded, as an export's file
 * @param maxEvents the most audit events one package holds
 */
@ConfigurationProperties("holdfast.evidence")
record EvidenceProperties(@DefaultValue("") String font, @DefaultValue( {
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
		"/System/Library/Fonts/PingFang.ttc", "C:/Windows/Fonts/msyh.ttc",
		"C:/Windows/Fonts/simsun.ttc" }) List<String> fontCandidates, @DefaultValue("24h") Duration ttl,
		@DefaultValue("20000") int maxEvents){
}
