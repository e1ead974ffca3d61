package org.imrworkbench.library;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredBytesTest {

    private static final String TEXT = "CLINICAL CASE SUMMARY\nThe injured worker is a 52-year-old female with neck pain.\n";
    /** The original as a file of the seeds' rendering has it: every line followed by a blank line. */
    private static final byte[] ORIGINAL = TEXT.replace("\n", " \n\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void everyFormComesBackByteForByte() throws Exception {
        for (int form : new int[]{StoredBytes.RAW, StoredBytes.ALONE, StoredBytes.WITH_TEXT}) {
            byte[] stored = StoredBytes.store(form, ORIGINAL, TEXT);
            assertThat(StoredBytes.restore(form, stored, TEXT)).as("form " + form).isEqualTo(ORIGINAL);
        }
        assertThat(StoredBytes.store(StoredBytes.RAW, ORIGINAL, TEXT)).isSameAs(ORIGINAL);
        // the text as the dictionary: the original is little more than references into it
        assertThat(StoredBytes.store(StoredBytes.WITH_TEXT, ORIGINAL, TEXT).length)
                .isLessThan(StoredBytes.store(StoredBytes.ALONE, ORIGINAL, TEXT).length / 2);
        assertThat(StoredBytes.form("TEXT")).isEqualTo(StoredBytes.WITH_TEXT);
        assertThat(StoredBytes.form("PDF")).isEqualTo(StoredBytes.RAW);
    }

    @Test
    void anOriginalIsNeverReadBackWithAnotherTextThanItsOwn() {
        byte[] stored = StoredBytes.store(StoredBytes.WITH_TEXT, ORIGINAL, TEXT);
        assertThatThrownBy(() -> StoredBytes.restore(StoredBytes.WITH_TEXT, stored, TEXT.replace("neck", "back")))
                .isInstanceOf(DataFormatException.class).hasMessage("compressed with another text than the letter's");
        assertThatThrownBy(() -> StoredBytes.restore(StoredBytes.WITH_TEXT, stored, null))
                .isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> StoredBytes.restore(StoredBytes.ALONE, stored, TEXT))
                .isInstanceOf(DataFormatException.class).hasMessage("compressed with a dictionary");
        assertThatThrownBy(() -> StoredBytes.restore(7, stored, TEXT))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("unknown stored form (7)");
    }

    @Test
    void aTextWhoseChecksumHasItsHighestBitSetIsItsOwnDictionary() throws Exception {
        // zlib names the dictionary by its Adler-32, which Java's Inflater gives as a signed int
        String text = TEXT;
        for (int n = 0; adler32(text) < 0x8000_0000L; n++) {
            text = TEXT + "x".repeat(n);
        }
        String own = text;
        byte[] original = (own + " and more").getBytes(StandardCharsets.UTF_8);
        assertThat(StoredBytes.restore(StoredBytes.WITH_TEXT, StoredBytes.store(StoredBytes.WITH_TEXT, original, own),
                own)).isEqualTo(original);
    }

    @Test
    void damagedDataAreRefused() {
        byte[] stored = StoredBytes.store(StoredBytes.WITH_TEXT, ORIGINAL, TEXT);
        byte[] cut = java.util.Arrays.copyOf(stored, stored.length - 5);
        assertThatThrownBy(() -> StoredBytes.restore(StoredBytes.WITH_TEXT, cut, TEXT))
                .isInstanceOf(DataFormatException.class);
    }

    private static long adler32(String text) {
        Adler32 a = new Adler32();
        a.update(text.getBytes(StandardCharsets.UTF_8));
        return a.getValue();
    }
}
