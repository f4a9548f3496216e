package dev.jitgroups.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bot sends its token only to Teams' own service hosts, over HTTPS; in local mode only to loopback. */
class ServiceUrlsTest {

    final ServiceUrls teams = new ServiceUrls(BotCloud.PUBLIC.serviceUrlHosts(), false);
    final ServiceUrls local = new ServiceUrls(List.of(), true);

    @Test
    void teams_service_urls_are_allowed() {
        assertThat(teams.allows("https://smba.trafficmanager.net/amer/")).isTrue();
        assertThat(teams.allows("https://SMBA.trafficmanager.net/emea/72f988bf/")).isTrue();
        assertThat(teams.allows("https://smba.infra.gcc.teams.microsoft.com/gcc/")).isTrue();
    }

    @Test
    void anything_else_is_refused() {
        assertThat(teams.allows("http://smba.trafficmanager.net/amer/")).isFalse();
        assertThat(teams.allows("https://smba.trafficmanager.net.attacker.example/amer/")).isFalse();
        assertThat(teams.allows("https://attacker.example/?x=smba.trafficmanager.net")).isFalse();
        assertThat(teams.allows("https://user@smba.trafficmanager.net/amer/")).isFalse();
        assertThat(teams.allows("https://127.0.0.1/")).isFalse();
        assertThat(teams.allows("not a url")).isFalse();
        assertThat(teams.allows(null)).isFalse();
    }

    @Test
    void local_mode_talks_to_loopback_only() {
        assertThat(local.allows("http://localhost:56150/_connector")).isTrue();
        assertThat(local.allows("http://127.0.0.1:3999/")).isTrue();
        assertThat(local.allows("http://[::1]:3999/")).isTrue();
        assertThat(local.allows("https://smba.trafficmanager.net/amer/")).isFalse();
        assertThat(local.allows("http://127.0.0.1.nip.io/")).isFalse();
    }
}
