package dev.jitgroups.bot.teams;

import static org.junit.jupiter.api.Assertions.fail;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Samba AD DC that {@code ../shared/tools/samba-ad-dc.sh} started (its variables in the environment, as
 * {@code .ci/run} exports them): entries for a test, and stopping and starting the DC itself. Without the variables
 * the test is skipped, unless {@code JIT_SAMBA_REQUIRED=true} (CI), where that is a failure.
 */
final class SambaDirectory {

    static final String SCRIPT = "../../shared/tools/samba-ad-dc.sh";

    private final Map<String, String> env = System.getenv();

    static SambaDirectory requireOrSkip() {
        String url = System.getenv("SAMBA_DC_LDAP_URL");
        if (url == null || url.isBlank()) {
            String why = "Samba AD DC not available: SAMBA_DC_LDAP_URL is not set (see .ci/run)";
            if ("true".equalsIgnoreCase(System.getenv("JIT_SAMBA_REQUIRED"))) {
                fail(why + " [JIT_SAMBA_REQUIRED=true, so this is a failure, not a skip]");
            }
            Assumptions.assumeTrue(false, why);
        }
        return new SambaDirectory();
    }

    String ldapsUrl() {
        return env.get("SAMBA_DC_LDAPS_URL");
    }

    String baseDn() {
        return env.get("SAMBA_DC_BASE_DN");
    }

    String bindDn() {
        return env.get("SAMBA_DC_BIND_DN");
    }

    String bindPassword() {
        return env.get("SAMBA_DC_BIND_PASSWORD");
    }

    String caPem() {
        return env.get("SAMBA_DC_CA_PEM");
    }

    String certificateHostName() {
        return env.get("SAMBA_DC_TLS_CERT_HOSTNAME");
    }

    /** The domain's DNS name, the UPN suffix of its users. */
    String domain() {
        return env.getOrDefault("SAMBA_DC_REALM", "CORP.EXAMPLE.TEST").toLowerCase(java.util.Locale.ROOT);
    }

    /** A connection as the domain administrator (plain LDAP on loopback, as the script's own checks use). */
    LDAPConnection admin() throws LDAPException {
        String[] hostPort = env.get("SAMBA_DC_LDAP_URL").replace("ldap://", "").split(":");
        return new LDAPConnection(hostPort[0], Integer.parseInt(hostPort[1]), bindDn(), bindPassword());
    }

    /** Adds an OU, an enabled user or a security group; returns its DN. */
    String addOu(LDAPConnection c, String name) throws LDAPException {
        String dn = new DN(new RDN("OU", name), new DN(baseDn())).toString();
        c.add(new Entry(dn, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", name)));
        return dn;
    }

    String addUser(LDAPConnection c, String ou, String cn, String sam) throws LDAPException {
        String dn = new DN(new RDN("CN", cn), new DN(ou)).toString();
        c.add(new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", cn), new Attribute("sAMAccountName", sam),
                new Attribute("userPrincipalName", sam + "@" + domain()), new Attribute("displayName", cn),
                // enabled, no password needed: these accounts never sign in
                new Attribute("userAccountControl", "544")));
        return dn;
    }

    String addGlobalGroup(LDAPConnection c, String ou, String cn) throws LDAPException {
        String dn = new DN(new RDN("CN", cn), new DN(ou)).toString();
        c.add(new Entry(dn, new Attribute("objectClass", "top", "group"), new Attribute("cn", cn),
                new Attribute("sAMAccountName", cn.replace(' ', '-')), new Attribute("groupType", "-2147483646")));
        return dn;
    }

    boolean isMember(String groupDn, String memberDn) throws LDAPException {
        try (LDAPConnection c = admin()) {
            String[] members = c.getEntry(groupDn, "member").getAttributeValues("member");
            if (members == null) {
                return false;
            }
            DN wanted = new DN(memberDn);
            for (String m : members) {
                if (new DN(m).equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Deletes a test OU and everything under it. */
    void deleteTree(String dn) {
        try (LDAPConnection c = admin()) {
            List<String> dns = new ArrayList<>();
            c.search(dn, com.unboundid.ldap.sdk.SearchScope.SUB, "(objectClass=*)", "1.1").getSearchEntries()
                    .forEach(e -> dns.add(e.getDN()));
            dns.sort((a, b) -> Integer.compare(b.length(), a.length()));
            for (String d : dns) {
                c.delete(d);
            }
        } catch (LDAPException e) {
            // best effort: a throw-away DC
        }
    }

    void stop() throws IOException, InterruptedException {
        script("stop");
    }

    void start() throws IOException, InterruptedException {
        script("start");
    }

    private void script(String command) throws IOException, InterruptedException {
        Path conf = Path.of(env.get("SAMBA_DC_CONF"));
        Path dir = conf.getParent().getParent();
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT, command, "--dir", dir.toString())
                .redirectErrorStream(true);
        pb.environment().put("SAMBA_DC_IP", env.get("SAMBA_DC_HOST"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("samba-ad-dc.sh " + command + " failed: " + output);
        }
    }
}
