package dev.jitgroups.bot.teams;

import com.unboundid.ldap.sdk.LDAPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outage drill against a real AD implementation: the Samba AD DC is stopped while the approver taps, and
 * started again; the bot reaches it over LDAPS with its CA verified, as in production.
 */
class DirectoryOutageOnSambaTest extends DirectoryOutageScenario {

    static SambaDirectory samba;
    static String ou;
    static String requesterDn;
    static String groupDn;
    static TeamsPerson requester;
    static TeamsPerson approver;

    @BeforeAll
    static void provision() throws Exception {
        samba = SambaDirectory.requireOrSkip();
        String run = Long.toString(System.nanoTime(), 36);
        try (LDAPConnection c = samba.admin()) {
            ou = samba.addOu(c, "JitOutage-" + run);
            requesterDn = samba.addUser(c, ou, "Rita Requester " + run, "rita-" + run);
            samba.addUser(c, ou, "Abe Approver " + run, "abe-" + run);
            groupDn = samba.addGlobalGroup(c, ou, "JIT Outage Admins " + run);
        }
        requester = new TeamsPerson("29:rita-" + run, "00000000-0000-0000-0000-00000000a001", "rita-" + run + "@"
                + samba.domain(), "Rita Requester", "a:chat-rita-" + run);
        approver = new TeamsPerson("29:abe-" + run, "00000000-0000-0000-0000-00000000a002", "abe-" + run + "@"
                + samba.domain(), "Abe Approver", "a:chat-abe-" + run);
        for (TeamsPerson p : new TeamsPerson[] {requester, approver}) {
            CONNECTOR.addMember(p.userId(), p.aadObjectId(), p.upn(), p.name());
        }
    }

    @AfterAll
    static void cleanUp() {
        if (samba != null && ou != null) {
            samba.deleteTree(ou);
        }
    }

    @DynamicPropertySource
    static void samba(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:bot-outage-samba;DB_CLOSE_DELAY=-1");
        r.add("jit.bot.allow-real-directory-in-local-mode", () -> "true");
        r.add("jit.ldap.urls[0]", () -> samba.ldapsUrl());
        r.add("jit.ldap.bind-dn", () -> samba.bindDn());
        r.add("jit.ldap.password", () -> samba.bindPassword());
        r.add("jit.ldap.base-dn", () -> samba.baseDn());
        r.add("jit.ldap.ca-file", () -> samba.caPem());
        r.add("jit.ldap.tls-server-name", () -> samba.certificateHostName());
        r.add("jit.ldap.connect-timeout", () -> "2s");
        r.add("jit.admins[0]", () -> approver.upn());
        r.add("jit.groups[0].name", () -> "outage-admins");
        r.add("jit.groups[0].display-name", () -> "JIT Outage Admins");
        r.add("jit.groups[0].dn", () -> groupDn);
        r.add("jit.groups[0].eligible[0]", () -> requester.upn());
        r.add("jit.groups[0].approvers[0]", () -> approver.upn());
        r.add("jit.groups[0].required-approvals", () -> "1");
        r.add("jit.groups[0].max-duration", () -> "2h");
    }

    @Override
    TeamsPerson requester() {
        return requester;
    }

    @Override
    TeamsPerson approver() {
        return approver;
    }

    @Override
    String group() {
        return "outage-admins";
    }

    @Override
    String groupDn() {
        return groupDn;
    }

    @Override
    void stopDirectory() throws Exception {
        samba.stop();
    }

    @Override
    void startDirectory() throws Exception {
        samba.start();
    }

    @Override
    boolean isMemberInTheDirectory() throws Exception {
        return samba.isMember(groupDn, requesterDn);
    }
}
