package dev.jitgroups.ldap.behaviour;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The Samba AD DC started by {@code ../shared/tools/samba-ad-dc.sh start}, read from the environment variables the
 * script prints. Without them the Samba tests are skipped, unless {@code JIT_SAMBA_REQUIRED=true} (CI), where
 * their absence is a failure.
 */
public record SambaEnvironment(String ldapUrl, String ldapsUrl, String baseDn, String bindDn, String bindPassword,
        Path caPem, String certificateHostName, String realm) {

    /** Why the Samba tests did not run. */
    public static final String UNAVAILABLE = "Samba AD DC not available: SAMBA_DC_LDAP_URL is not set. Start one (as root) with "
            + "'SAMBA_DC_DIR=/tmp/jitgroups-ci-samba bash ../shared/tools/samba-ad-dc.sh start > /tmp/jitgroups-samba.env' "
            + "and export its output ('set -a; . /tmp/jitgroups-samba.env; set +a')";

    /** True when the DC's variables are set. */
    public static boolean configured() {
        String url = System.getenv("SAMBA_DC_LDAP_URL");
        return url != null && !url.isBlank();
    }

    /** True when a missing DC is a failure (CI sets JIT_SAMBA_REQUIRED=true). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("JIT_SAMBA_REQUIRED"));
    }

    /** The DC's settings, or a skipped (or, when required, failed) test with the reason. */
    public static SambaEnvironment requireOrSkip() {
        Map<String, String> env = System.getenv();
        String url = env.get("SAMBA_DC_LDAP_URL");
        if (!configured()) {
            if (required()) {
                fail(UNAVAILABLE + " [JIT_SAMBA_REQUIRED=true, so this is a failure, not a skip]");
            }
            Assumptions.assumeTrue(false, UNAVAILABLE);
        }
        return new SambaEnvironment(url, env.get("SAMBA_DC_LDAPS_URL"), env.get("SAMBA_DC_BASE_DN"), env.get("SAMBA_DC_BIND_DN"),
                env.get("SAMBA_DC_BIND_PASSWORD"), Path.of(env.get("SAMBA_DC_CA_PEM")), env.get("SAMBA_DC_TLS_CERT_HOSTNAME"),
                env.getOrDefault("SAMBA_DC_REALM", "CORP.EXAMPLE.TEST"));
    }

    @Override
    public String toString() {
        return "SambaEnvironment[" + ldapsUrl + ", " + baseDn + ", " + bindDn + "]";
    }
}
