package dev.jitgroups.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DnTest {

    @Test
    void parses_relative_names_leftmost_first() {
        Dn dn = Dn.parse("CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example");

        assertThat(dn.rdns()).extracting(r -> r.avas().get(0).type() + "=" + r.avas().get(0).value())
                .containsExactly("CN=JIT Tier0 Admins", "OU=Privileged", "DC=corp", "DC=example");
        assertThat(dn).hasToString("CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "CN=Smith\\, John,DC=corp       | Smith, John",
        "CN=a\\+b,DC=corp               | a+b",
        "CN=say \\\"hi\\\",DC=corp      | say \"hi\"",
        "CN=back\\\\slash,DC=corp       | back\\slash",
        "CN=\\<tag\\>,DC=corp           | <tag>",
        "CN=semi\\;colon,DC=corp        | semi;colon",
        "CN=eq\\=sign,DC=corp           | eq=sign",
        "CN=hex\\2Ccomma,DC=corp        | hex,comma",
        "CN=\\C3\\A9t\\C3\\A9,DC=corp   | été",
        "CN=\\23hash,DC=corp            | #hash",
        "CN=#04024869,DC=corp           | Hi"})
    void decodes_escapes_in_values(String text, String value) {
        assertThat(Dn.parse(text.strip()).rdns().get(0).avas().get(0).value()).isEqualTo(value.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "CN=Smith\\, John,OU=People,DC=corp    | cn=smith\\2c john , ou = people , dc = CORP",
        "CN=JIT Tier0 Admins,DC=corp           | cn=jit tier0 admins,dc=corp",
        "CN=a\\2Cb,DC=corp                     | CN=a\\,b,DC=corp",
        "CN=Ünïcödé,DC=corp                    | cn=ÜNÏCÖDÉ,dc=corp",
        "CN=\\C3\\A9,DC=corp                   | CN=é,DC=corp",
        "2.5.4.3=x,0.9.2342.19200300.100.1.25=corp | cn=X,dc=corp",
        "CN=x+SN=y,DC=corp                     | sn=Y+cn=X,dc=corp",
        "CN=two  spaces,DC=corp                | CN=two spaces,DC=corp",
        "CN=#04024869,DC=corp                  | CN=hi,DC=corp"})
    void equal_when_the_directory_would_see_the_same_name(String left, String right) {
        Dn a = Dn.parse(left.strip());
        Dn b = Dn.parse(right.strip());

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.normalized()).isEqualTo(b.normalized());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "CN=Alice,OU=People,DC=corp  | CN=Alice,OU=Admins,DC=corp",
        "CN=a\\,b,DC=corp            | CN=a,CN=b,DC=corp",
        "CN=a\\+b,DC=corp            | CN=a+CN=b,DC=corp",
        "CN=x,DC=corp                | OU=x,DC=corp",
        "CN=x,DC=corp                | CN=x,DC=corp,DC=example"})
    void different_names_are_not_equal(String left, String right) {
        assertThat(Dn.parse(left.strip())).isNotEqualTo(Dn.parse(right.strip()));
    }

    @Test
    void spaces_around_separators_and_at_the_ends_of_values_do_not_count_but_escaped_ones_are_kept() {
        Dn spaced = Dn.parse("  CN = Alice Adams ,  OU=People ,DC=corp  ");
        Dn escaped = Dn.parse("CN=\\ padded\\ ,DC=corp");

        assertThat(spaced).hasToString("CN=Alice Adams,OU=People,DC=corp");
        assertThat(escaped.rdns().get(0).avas().get(0).value()).isEqualTo(" padded ");
        assertThat(Dn.parse("CN=a\\20,DC=corp").rdns().get(0).avas().get(0).value()).isEqualTo("a ");
        assertThat(escaped).hasToString("CN=\\ padded\\ ,DC=corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CN=Smith\\, John (admin*),OU=People,DC=corp", "CN=\\#1 \\<boss\\>\\; \\\"x\\\"\\=y\\+z\\\\,DC=corp",
        "CN=\\ lead,DC=corp", "CN=été,DC=corp", "CN=x+SN=y,DC=corp"})
    void the_string_form_parses_back_to_the_same_name(String text) {
        Dn dn = Dn.parse(text);

        assertThat(Dn.parse(dn.toString())).isEqualTo(dn);
        assertThat(Dn.parse(dn.toString()).toString()).isEqualTo(dn.toString());
    }

    @Test
    void a_semicolon_separates_names_as_in_ldap_v2() {
        assertThat(Dn.parse("CN=a;DC=corp")).isEqualTo(Dn.parse("CN=a,DC=corp"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                      | empty",
        "Alice Adams             | expected '=' after the attribute type Alice",
        "=x,DC=corp              | expected an attribute type",
        "CN=,DC=corp             | the value of CN is empty",
        "CN=a,,DC=corp           | expected an attribute type",
        "CN=a,DC=corp,           | expected an attribute type",
        "CN=a\\qb,DC=corp        | '\\q' is not an escape",
        "CN=a\\                  | a lone '\\' at the end",
        "CN=a\"b,DC=corp         | unescaped '\"'",
        "CN=\\FF,DC=corp         | not UTF-8",
        "CN=#0402,DC=corp        | BER length",
        "CN=#123,DC=corp         | even number of hex digits",
        "1.=x                    | expected an attribute type"})
    void refuses_what_is_not_a_dn_and_says_where(String text, String why) {
        assertThatThrownBy(() -> Dn.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why.strip()).satisfies(e -> {
                    if (!text.isBlank()) {
                        assertThat(e.getMessage()).contains("at position");
                    }
                });
    }

    @Test
    void a_multi_valued_rdn_keeps_its_parts() {
        Dn dn = Dn.parse("CN=x + SN=y,DC=corp");

        assertThat(dn.rdns().get(0).avas()).extracting(Dn.Ava::type).containsExactly("CN", "SN");
        assertThat(dn).hasToString("CN=x+SN=y,DC=corp");
        assertThat(List.of(dn)).contains(Dn.parse("sn=y+cn=x,dc=corp"));
    }
}
