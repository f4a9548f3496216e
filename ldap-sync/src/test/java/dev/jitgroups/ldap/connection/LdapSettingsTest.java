package dev.jitgroups.ldap.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LdapSettingsTest {

    private static LdapSettings settings(List<String> urls, boolean startTls, boolean allowPlain, String bindDn, String password,
            Path passwordFile, String baseDn) {
        return new LdapSettings(urls, startTls, allowPlain, bindDn, password, passwordFile, baseDn, null, null, null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(10), 4, null);
    }

    private static LdapSettings ldaps(String bindDn, String password, String baseDn) {
        return settings(List.of("ldaps://dc1.corp.example"), false, false, bindDn, password, null, baseDn);
    }

    @Test
    void no_urls_means_the_embedded_directory() {
        LdapSettings s = settings(null, false, false, null, null, null, null);

        assertThat(s.embeddedMode()).isTrue();
        assertThat(s.parsedBaseDn().toString()).isEqualTo("DC=corp,DC=example");
    }

    @Test
    void plain_ldap_is_refused_unless_allowed_or_upgraded_with_start_tls() {
        List<String> plain = List.of("ldap://dc1.corp.example");

        assertThatThrownBy(() -> settings(plain, false, false, "CN=svc,DC=corp", "pw", null, "DC=corp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jit.ldap.urls[0]")
                .hasMessageContaining("jit.ldap.allow-plain=true");
        assertThat(settings(plain, true, false, "CN=svc,DC=corp", "pw", null, "DC=corp").startTls()).isTrue();
        assertThat(settings(plain, false, true, "CN=svc,DC=corp", "pw", null, "DC=corp").allowPlain()).isTrue();
    }

    @Test
    void an_invalid_dn_fails_with_the_key_that_holds_it() {
        assertThatThrownBy(() -> ldaps("not a dn", "pw", "DC=corp,DC=example")).hasMessageContaining("jit.ldap.bind-dn")
                .hasMessageContaining("not a dn");
        assertThatThrownBy(() -> ldaps("CN=svc,DC=corp", "pw", "DC=corp,,=")).hasMessageContaining("jit.ldap.base-dn");
    }

    @Test
    void an_invalid_url_fails_with_the_key_that_holds_it() {
        assertThatThrownBy(() -> settings(List.of("ldaps://dc1.corp.example", "http://dc2"), false, false, "CN=svc,DC=corp", "pw",
                null, "DC=corp")).hasMessageContaining("jit.ldap.urls[1]").hasMessageContaining("http://dc2");
    }

    @Test
    void a_server_without_a_password_is_refused_with_the_variable_to_set() {
        assertThatThrownBy(() -> ldaps("CN=svc,DC=corp", null, "DC=corp")).hasMessageContaining("JIT_LDAP_PASSWORD");
    }

    @Test
    void the_password_can_come_from_a_file_and_never_appears_in_to_string(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ldap-password"), "S3cret-from-file\n");

        LdapSettings s = settings(List.of("ldaps://dc1.corp.example"), false, false, "CN=svc,DC=corp", null, file, "DC=corp");

        assertThat(s.password()).isEqualTo("S3cret-from-file");
        assertThat(s.toString()).doesNotContain("S3cret").contains("password=(set)");
        assertThat(ldaps("CN=svc,DC=corp", "Other-Secret", "DC=corp").toString()).doesNotContain("Other-Secret");
    }

    @Test
    void start_tls_on_an_ldaps_url_and_bad_numbers_are_refused() {
        assertThatThrownBy(() -> settings(List.of("ldaps://dc1"), true, false, "CN=svc,DC=corp", "pw", null, "DC=corp"))
                .hasMessageContaining("jit.ldap.start-tls");
        assertThatThrownBy(() -> new LdapSettings(List.of("ldaps://dc1"), false, false, "CN=svc,DC=corp", "pw", null, "DC=corp",
                Path.of("/nonexistent/ca.pem"), null, null, null, Duration.ZERO, Duration.ofSeconds(1), 0, null))
                .hasMessageContaining("jit.ldap.ca-file").hasMessageContaining("jit.ldap.connect-timeout")
                .hasMessageContaining("jit.ldap.pool-size");
    }
}
