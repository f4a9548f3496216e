package dev.jitgroups.ldap.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.ldap.connection.LdapConnections;
import dev.jitgroups.ldap.connection.LdapSettings;
import dev.jitgroups.ldap.directory.Dns;
import dev.jitgroups.ldap.directory.GroupScope;
import dev.jitgroups.ldap.membership.LdapGroupMembership;
import dev.jitgroups.ldap.ttl.PamFeature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What only a real DC can show: TLS with its CA, and a service account without rights. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SambaAvailable
class SambaOnlyTest {

    private static final String LOW_RIGHTS_PASSWORD = "Jit-Low-Rights-2026!";

    private SambaFixture fixture;
    private SambaEnvironment env;

    @BeforeAll
    void connect() throws Exception {
        fixture = SambaFixture.connect();
        env = fixture.env();
    }

    @AfterAll
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void ldaps_verifies_the_dc_certificate_against_the_configured_ca() throws Exception {
        try (LDAPConnectionPool pool = LdapConnections.open(SambaFixture.ldaps(env, env.bindDn(), env.bindPassword(), env.caPem(),
                env.certificateHostName()))) {
            assertThat(pool.getEntry(env.baseDn(), "1.1")).isNotNull();
        }
    }

    @Test
    void start_tls_verifies_the_dc_certificate_against_the_configured_ca() throws Exception {
        LdapSettings startTls = new LdapSettings(List.of(env.ldapUrl()), true, false, env.bindDn(), env.bindPassword(), null,
                env.baseDn(), env.caPem(), null, null, env.certificateHostName(), Duration.ofSeconds(5), Duration.ofSeconds(10), 1, null);
        try (LDAPConnectionPool pool = LdapConnections.open(startTls)) {
            assertThat(pool.getEntry(env.baseDn(), "1.1")).isNotNull();
        }
    }

    @Test
    void ldaps_refuses_a_dc_certificate_not_issued_by_the_configured_ca(@TempDir Path dir) throws Exception {
        Path wrongCa = selfSignedCertificate(dir);

        assertThatThrownBy(() -> LdapConnections.open(SambaFixture.ldaps(env, env.bindDn(), env.bindPassword(), wrongCa,
                env.certificateHostName()))).isInstanceOf(LDAPException.class);
    }

    @Test
    void ldaps_refuses_a_certificate_that_does_not_name_the_expected_server() {
        // right CA, wrong name. (The URL's host cannot show this: UnboundID's HostNameSSLSocketVerifier accepts any
        // certificate for a numeric loopback address such as the test DC's 127.0.0.x.)
        assertThatThrownBy(() -> LdapConnections.open(SambaFixture.ldaps(env, env.bindDn(), env.bindPassword(), env.caPem(),
                "dc9.other.example"))).isInstanceOf(LDAPException.class).hasMessageContaining("dc9.other.example");
    }

    @Test
    void a_service_account_without_write_members_is_told_what_to_grant() throws Exception {
        DN group = fixture.createGroup("Unwritable Group", GroupScope.GLOBAL);
        Account member = fixture.directory().findUser(fixture.createUser("Would Be Member").samAccountName()).orElseThrow();

        try (LDAPConnectionPool lowRights = LdapConnections.open(SambaFixture.ldaps(env, lowRightsAccount("Low Rights One").toString(),
                LOW_RIGHTS_PASSWORD, env.caPem(), env.certificateHostName()))) {
            LdapGroupMembership membership = new LdapGroupMembership(lowRights, fixture.baseDn(), false, Clock.systemUTC());

            assertThatThrownBy(() -> membership.add(member.memberRef(), Dns.core(group), null))
                    .isInstanceOfSatisfying(DirectoryException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getCause()).isInstanceOfSatisfying(LDAPException.class,
                                c -> assertThat(c.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
                    })
                    .hasMessageContaining("\"Write Members\"").hasMessageContaining(group.toString());
        }
    }

    @Test
    void a_protected_group_explains_that_rights_belong_on_admin_sd_holder() throws Exception {
        DN group = fixture.createGroup("Protected Group", GroupScope.GLOBAL);
        fixture.setAttribute(group, "adminCount", "1");
        Account member = fixture.directory().findUser(fixture.createUser("Protected Member").samAccountName()).orElseThrow();

        try (LDAPConnectionPool lowRights = LdapConnections.open(SambaFixture.ldaps(env, lowRightsAccount("Low Rights Two").toString(),
                LOW_RIGHTS_PASSWORD, env.caPem(), env.certificateHostName()))) {
            LdapGroupMembership membership = new LdapGroupMembership(lowRights, fixture.baseDn(), false, Clock.systemUTC());

            assertThatThrownBy(() -> membership.add(member.memberRef(), Dns.core(group), null))
                    .hasMessageContaining("protected group (adminCount=1)")
                    .hasMessageContaining("CN=AdminSDHolder,CN=System," + fixture.baseDn());
        }
    }

    @Test
    void samba_does_not_offer_the_privileged_access_management_feature() {
        assertThat(PamFeature.isEnabled(fixture.admin(), fixture.baseDn())).isFalse();
    }

    /** A user with a password (set over LDAPS, as AD requires) and no rights beyond Domain Users. */
    private DN lowRightsAccount(String cn) throws LDAPException {
        DN dn = DirectoryFixture.child(fixture.testOu(), "CN", cn);
        String sam = "jtlow" + DirectoryFixture.randomId(8);
        byte[] unicodePwd = ("\"" + LOW_RIGHTS_PASSWORD + "\"").getBytes(StandardCharsets.UTF_16LE);
        fixture.admin().add(new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", cn), new Attribute("sAMAccountName", sam), new Attribute("unicodePwd", unicodePwd),
                new Attribute("userAccountControl", "512")));
        return dn;
    }

    private static Path selfSignedCertificate(Path dir) {
        Path keystore = dir.resolve("wrong.p12");
        Path pem = dir.resolve("wrong-ca.pem");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode generated = ManageCertificates.main(null, out, out, "generate-self-signed-certificate", "--keystore",
                keystore.toString(), "--keystore-password", "changeit", "--keystore-type", "PKCS12", "--alias", "wrong",
                "--subject-dn", "CN=Wrong CA");
        ResultCode exported = ManageCertificates.main(null, out, out, "export-certificate", "--keystore", keystore.toString(),
                "--keystore-password", "changeit", "--alias", "wrong", "--output-format", "PEM", "--output-file", pem.toString());
        assertThat(List.of(generated, exported)).as(out.toString(StandardCharsets.UTF_8)).containsOnly(ResultCode.SUCCESS);
        return pem;
    }
}
