package org.imrworkbench.library;

import org.imrworkbench.synth.LetterGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Fingerprint}: the same words give the same fingerprint, whatever the format, case, spacing or width. */
class FingerprintTest {

    @Test
    void theFingerprintIsTheSha256OfTheFoldedLettersAndDigits() throws Exception {
        assertThat(Fingerprint.of("Norco 10/325mg, #120.")).isEqualTo(sha256("norco10325mg120"));
        assertThat(Fingerprint.of("")).isEqualTo(sha256(""));
    }

    @Test
    void layoutCaseAndWidthDoNotChangeIt() {
        String text = "Norco 10/325 mg #120 is not medically necessary.";
        assertThat(Fingerprint.of("NORCO 10/325mg\n#120 — is not\u00A0medically necessary"))
                .isEqualTo(Fingerprint.of(text));
        assertThat(Fingerprint.of("\uFF2E\uFF4F\uFF52\uFF43\uFF4F 10/325 mg #120 is not medically necessary."))
                .as("full-width letters (NFKC)").isEqualTo(Fingerprint.of(text));
        assertThat(Fingerprint.of("Norco 10/326 mg #120 is not medically necessary.")).isNotEqualTo(Fingerprint.of(text));
    }

    /** The fingerprints stored in libraries must never change: ASCII and other texts as the first release made them. */
    @Test
    void everyTextGetsTheFingerprintOfTheOriginalDefinition() throws Exception {
        List<String> texts = new ArrayList<>(List.of("Ünïcödé Straße İstanbul ſ \u212A", "plain ascii ONLY 42",
                "tab\tand\r\nnewlines", "ﬁle ligature", "\uD835\uDC00 mathematical bold A", "café",
                "ascii with a lone surrogate \uD800 in it", "\uDC00", "Ascii \u007F DEL and \u0000 NUL"));
        LetterGenerator generator = new LetterGenerator(3);
        for (int n = 0; n < 20; n++) {
            String text = generator.generate(n).text();
            texts.add(text);
            texts.add(text.replace("e", "é"));
        }
        for (String text : texts) {
            assertThat(Fingerprint.of(text)).as(text.substring(0, Math.min(40, text.length())))
                    .isEqualTo(original(text));
        }
    }

    /** The definition as first written: NFKC, letters and digits lowered one by one, the whole lowered again. */
    private static String original(String text) throws Exception {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder();
        decomposed.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase)
                .forEach(folded::appendCodePoint);
        return sha256(folded.toString().toLowerCase(Locale.ROOT));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
