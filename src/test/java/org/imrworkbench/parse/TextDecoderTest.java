package org.imrworkbench.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDecoderTest {

    private static final String SAMPLE = "The patient\u2019s \u201Cpain\u201D is \u00BD of what it was \u2014 caf\u00E9 "
            + "na\u00EFve r\u00E9sum\u00E9, and the request is not medically necessary.\n";

    @Test
    void utf8WithoutBom() throws Exception {
        TextDecoder.Decoded d = TextDecoder.decode(SAMPLE.getBytes(StandardCharsets.UTF_8));
        assertThat(d.text()).isEqualTo(SAMPLE);
        assertThat(d.encoding()).isEqualTo("UTF-8");
    }

    @Test
    void utf8WithBomDropsTheBom() throws Exception {
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertThat(TextDecoder.decode(bytes).text()).isEqualTo(SAMPLE);
    }

    @Test
    void utf16WithBomBothByteOrders() throws Exception {
        // Java's "UTF-16" encoder writes a big-endian BOM
        TextDecoder.Decoded be = TextDecoder.decode(SAMPLE.getBytes(StandardCharsets.UTF_16));
        assertThat(be.text()).isEqualTo(SAMPLE);
        assertThat(be.encoding()).isEqualTo("UTF-16BE");
        byte[] le = SAMPLE.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[le.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, withBom, 2, le.length);
        assertThat(TextDecoder.decode(withBom).text()).isEqualTo(SAMPLE);
    }

    @Test
    void utf16WithoutBomIsDetectedByItsZeroBytes() throws Exception {
        assertThat(TextDecoder.decode(SAMPLE.getBytes(StandardCharsets.UTF_16LE)).text()).isEqualTo(SAMPLE);
        assertThat(TextDecoder.decode(SAMPLE.getBytes(StandardCharsets.UTF_16BE)).text()).isEqualTo(SAMPLE);
    }

    @Test
    void windows1252IsDetectedWhenTheBytesAreNotUtf8() throws Exception {
        TextDecoder.Decoded d = TextDecoder.decode(SAMPLE.getBytes(Charset.forName("windows-1252")));
        assertThat(d.text()).isEqualTo(SAMPLE);
        assertThat(d.encoding()).isEqualTo("windows-1252");
    }

    @Test
    void emptyAndBlankAndBinaryInputGiveClearReasons() {
        assertThatThrownBy(() -> TextDecoder.decode(new byte[0])).hasMessage("empty file");
        assertThatThrownBy(() -> TextDecoder.decode(" \n\n\t ".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("the file holds only white space");
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        assertThatThrownBy(() -> TextDecoder.decode(random)).hasMessage("binary data, not a text letter");
    }
}
