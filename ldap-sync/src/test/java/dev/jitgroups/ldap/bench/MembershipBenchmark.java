package dev.jitgroups.ldap.bench;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.ldap.directory.Dns;
import dev.jitgroups.ldap.connection.LdapConnections;
import dev.jitgroups.ldap.connection.LdapSettings;
import dev.jitgroups.ldap.directory.GroupScope;
import dev.jitgroups.ldap.directory.LdapAccountDirectory;
import dev.jitgroups.ldap.membership.LdapGroupMembership;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints, against the Samba AD DC, raw UnboundID add+remove operations per second and the adapter's apply+verify
 * operations per second (each of which also reads the group and reads the membership back), and their ratio.
 * One thread, one pooled LDAPS connection at a time. Not a test: run it by hand (see docs/ldap-sync.md) with
 * the DC's environment variables exported. Optional arguments: users (default 200), rounds (default 3).
 */
public final class MembershipBenchmark {

    private MembershipBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String ldaps = System.getenv("SAMBA_DC_LDAPS_URL");
        if (ldaps == null) {
            System.err.println("SAMBA_DC_LDAPS_URL is not set: start the DC with ../shared/tools/samba-ad-dc.sh start and export "
                    + "its output first");
            System.exit(2);
        }
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        DN base = new DN(System.getenv("SAMBA_DC_BASE_DN"));
        LdapSettings settings = new LdapSettings(List.of(ldaps), false, false, System.getenv("SAMBA_DC_BIND_DN"),
                System.getenv("SAMBA_DC_BIND_PASSWORD"), null, base.toString(), Path.of(System.getenv("SAMBA_DC_CA_PEM")), null, null,
                System.getenv("SAMBA_DC_TLS_CERT_HOSTNAME"), Duration.ofSeconds(5), Duration.ofSeconds(60), 2, null);
        try (LDAPConnectionPool pool = LdapConnections.open(settings)) {
            DN ou = new DN(new RDN("OU", "JitBench-" + Long.toString(System.nanoTime(), 36)), base);
            pool.add(new Entry(ou, new Attribute("objectClass", "top", "organizationalUnit")));
            try {
                run(pool, base, ou, users, rounds);
            } finally {
                DeleteRequest delete = new DeleteRequest(ou);
                delete.addControl(new SubtreeDeleteRequestControl(true));
                pool.delete(delete);
            }
        }
    }

    private static void run(LDAPConnectionPool pool, DN base, DN ou, int users, int rounds) throws LDAPException {
        String suffix = Long.toString(System.nanoTime() % 100_000, 36);
        DN group = new DN(new RDN("CN", "Bench Group"), ou);
        pool.add(new Entry(group, new Attribute("objectClass", "top", "group"), new Attribute("sAMAccountName", "jtbench" + suffix),
                new Attribute("groupType", String.valueOf(GroupScope.GLOBAL.securityGroupType()))));
        LdapAccountDirectory directory = new LdapAccountDirectory(pool, base);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String sam = "jtb" + suffix + "u" + i;
            pool.add(new Entry(new DN(new RDN("CN", "Bench " + i), ou), new Attribute("objectClass", "top", "person",
                    "organizationalPerson", "user"), new Attribute("sAMAccountName", sam), new Attribute("userAccountControl", "544")));
            accounts.add(directory.findUser(sam).orElseThrow());
        }
        LdapGroupMembership membership = new LdapGroupMembership(pool, base, false, Clock.systemUTC());
        raw(pool, group, accounts);
        adapter(membership, group, accounts);
        double rawBest = 0;
        double adapterBest = 0;
        for (int round = 1; round <= rounds; round++) {
            double r = raw(pool, group, accounts);
            double a = adapter(membership, group, accounts);
            System.out.printf(Locale.ROOT, "round %d: raw add+remove %.0f ops/s, adapter apply+verify %.0f ops/s%n", round, r, a);
            rawBest = Math.max(rawBest, r);
            adapterBest = Math.max(adapterBest, a);
        }
        System.out.printf(Locale.ROOT, "%nSamba AD DC over LDAPS, %d users, 1 thread, best of %d rounds (an op is one add or one remove)%n",
                users, rounds);
        System.out.printf(Locale.ROOT, "raw UnboundID add+remove:  %8.0f ops/s%n", rawBest);
        System.out.printf(Locale.ROOT, "adapter apply+verify:      %8.0f ops/s%n", adapterBest);
        System.out.printf(Locale.ROOT, "ratio adapter/raw:         %8.2f%n", adapterBest / rawBest);
    }

    /** Operations per second of bare modify requests: one add and one remove per user. */
    private static double raw(LDAPConnectionPool pool, DN group, List<Account> accounts) throws LDAPException {
        long start = System.nanoTime();
        for (Account account : accounts) {
            pool.modify(group.toString(), new Modification(ModificationType.ADD, "member", account.dn().toString()));
            pool.modify(group.toString(), new Modification(ModificationType.DELETE, "member", account.dn().toString()));
        }
        return 2.0 * accounts.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Operations per second of the adapter: each add and remove checks the group and reads the result back. */
    private static double adapter(LdapGroupMembership membership, DN group, List<Account> accounts) {
        long start = System.nanoTime();
        for (Account account : accounts) {
            membership.add(account.memberRef(), Dns.core(group), null);
            membership.remove(account.memberRef(), Dns.core(group));
        }
        return 2.0 * accounts.size() / ((System.nanoTime() - start) / 1e9);
    }
}
