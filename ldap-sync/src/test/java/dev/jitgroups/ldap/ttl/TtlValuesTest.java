package dev.jitgroups.ldap.ttl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TtlValuesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void a_member_value_carries_the_ttl_in_seconds_before_the_dn() throws Exception {
        DN alice = new DN("CN=Alice Adams,OU=People,DC=corp,DC=example");

        assertThat(TtlValues.memberValue(alice, 3600)).isEqualTo("<TTL=3600,CN=Alice Adams,OU=People,DC=corp,DC=example>");
    }

    @Test
    void the_ttl_is_the_time_left_until_the_end_of_the_grant_and_at_least_one_second() {
        assertThat(TtlValues.secondsUntil(NOW, NOW.plus(Duration.ofHours(2)))).isEqualTo(7200);
        assertThat(TtlValues.secondsUntil(NOW, NOW.minusSeconds(5))).isEqualTo(1);
        assertThatThrownBy(() -> TtlValues.memberValue(new DN("CN=x"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_value_read_with_the_link_ttl_control_is_parsed() {
        assertThat(TtlValues.parse("<TTL=3582>,CN=Alice Adams,OU=People,DC=corp,DC=example")).hasValueSatisfying(m -> {
            assertThat(m.dn()).isEqualTo("CN=Alice Adams,OU=People,DC=corp,DC=example");
            assertThat(m.remaining()).isEqualTo(Duration.ofSeconds(3582));
        });
        assertThat(TtlValues.parse("CN=Permanent Member,OU=People,DC=corp,DC=example")).isEmpty();
    }
}
