package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Start-up guards: without an app id the bot runs only on loopback; with one it needs its password. */
class LocalModeTest {

    @Test
    void unauthenticated_mode_on_loopback_is_allowed() {
        assertThatCode(() -> TeamsSetup.requireLoopback("127.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> TeamsSetup.requireLoopback("::1")).doesNotThrowAnyException();
    }

    @Test
    void unauthenticated_mode_on_every_interface_is_refused() {
        assertThatThrownBy(() -> TeamsSetup.requireLoopback(null)).hasMessageContaining("server.address is not set")
                .hasMessageContaining("MicrosoftAppId");
        assertThatThrownBy(() -> TeamsSetup.requireLoopback("0.0.0.0")).hasMessageContaining("not a loopback address");
    }

    @Test
    void an_app_id_without_its_password_is_refused_at_start_up() {
        assertThatThrownBy(() -> TeamsSetup.requirePassword(" ")).hasMessageStartingWith("MicrosoftAppPassword: is missing");
        assertThatCode(() -> TeamsSetup.requirePassword("secret")).doesNotThrowAnyException();
    }
}
