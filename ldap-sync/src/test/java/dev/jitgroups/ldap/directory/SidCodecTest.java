package dev.jitgroups.ldap.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SidCodecTest {

    @Test
    void encodes_the_builtin_administrators_sid_as_windows_does() {
        // S-1-5-32-544: revision 1, 2 sub-authorities, authority 5 big-endian, 32 and 544 little-endian
        assertThat(HexFormat.of().formatHex(SidCodec.encode("S-1-5-32-544"))).isEqualTo("01020000000000052000000020020000");
    }

    @Test
    void decodes_what_it_encodes_for_a_domain_account() {
        String sid = "S-1-5-21-1111111111-2222222222-3333333333-1101";

        assertThat(SidCodec.decode(SidCodec.encode(sid))).isEqualTo(sid);
    }

    @Test
    void sub_authorities_above_two_to_the_31_stay_unsigned() {
        String sid = "S-1-5-21-4294967295-3000000000-2147483648-500";

        assertThat(SidCodec.decode(SidCodec.encode(sid))).isEqualTo(sid);
    }

    @Test
    void refuses_text_that_is_not_a_sid() {
        assertThat(SidCodec.isSid("S-1-5-21-1-2-3-1101")).isTrue();
        assertThat(SidCodec.isSid("S-1-5")).isFalse();
        assertThat(SidCodec.isSid("S-1-5-21-*")).isFalse();
        assertThat(SidCodec.isSid("alice")).isFalse();
        assertThatThrownBy(() -> SidCodec.encode("S-1-5-21-4294967296")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_bytes_that_are_not_a_sid() {
        assertThatThrownBy(() -> SidCodec.decode(new byte[] {1, 2, 0, 0})).isInstanceOf(IllegalArgumentException.class);
        byte[] truncated = HexFormat.of().parseHex("010200000000000520000000");
        assertThatThrownBy(() -> SidCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    }
}
