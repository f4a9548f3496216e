package dev.jitgroups.ldap.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import dev.jitgroups.core.directory.Dn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Core's Dn and the SDK's DN read the same strings the same way, so a DN crosses the port unchanged. */
class DnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example", "CN=Smith\\, John (admin*),OU=People,DC=corp",
        "CN=\\#1 \\<boss\\>\\; \\\"x\\\"=y\\+z\\\\,DC=corp", "cn = spaced , dc = corp", "CN=a\\2Cb,DC=corp", "CN=\\C3\\A9t\\C3\\A9,DC=corp",
        "CN=x+SN=y,DC=corp", "CN=\\ lead and trail\\ ,DC=corp", "CN=Odd *(name)\\\\ \\, Jr,OU=JitTest-abc,DC=corp,DC=example"})
    void core_and_the_sdk_agree_on_the_name(String text) throws Exception {
        Dn core = Dn.parse(text);

        assertThat(Dns.ldap(core)).isEqualTo(new DN(text));
        assertThat(Dns.core(new DN(text))).isEqualTo(core);
        assertThat(Dns.core(new DN(text).toMinimallyEncodedString())).isEqualTo(core);
    }

    @Test
    void a_dn_the_sdk_reads_more_leniently_still_crosses() {
        // a needless escape: RFC 4514 refuses it, the SDK reads it as the letter
        assertThat(Dns.core("CN=a\\qb,DC=corp")).isEqualTo(Dn.parse("CN=aqb,DC=corp"));
    }
}
