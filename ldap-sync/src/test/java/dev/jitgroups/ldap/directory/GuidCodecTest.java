package dev.jitgroups.ldap.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GuidCodecTest {

    /** Microsoft's documented layout: the bytes 01 02 03 04 05 06 07 08 ... read as {04030201-0605-0807-...}. */
    @Test
    void the_first_three_fields_are_little_endian() {
        byte[] bytes = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");

        assertThat(GuidCodec.decode(bytes)).isEqualTo("04030201-0605-0807-090a-0b0c0d0e0f10");
        assertThat(GuidCodec.encode("04030201-0605-0807-090A-0B0C0D0E0F10")).isEqualTo(bytes);
    }

    @Test
    void refuses_what_is_not_a_guid() {
        assertThatThrownBy(() -> GuidCodec.decode(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GuidCodec.encode("not-a-guid")).isInstanceOf(IllegalArgumentException.class);
    }
}
