package dev.jitgroups.ldap.ttl;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModifyRequest;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.ldap.directory.LdapAccountDirectory;
import dev.jitgroups.ldap.embedded.InterceptedDirectory;
import dev.jitgroups.ldap.membership.LdapGroupMembership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the adapter writes when the forest has the PAM feature. The in-memory server does not understand
 * {@code <TTL=...>} values, so an interceptor records them and stores the plain DN, as AD stores the link.
 */
class TimeBoundMembershipTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Dn TIER0 = Dn.parse("CN=JIT Tier0 Admins,OU=Privileged,DC=corp,DC=example");

    @Test
    void with_the_pam_feature_a_grant_is_written_as_a_member_with_a_ttl_until_its_end() throws Exception {
        TtlRecorder recorder = new TtlRecorder();
        try (InterceptedDirectory directory = new InterceptedDirectory(recorder); LDAPConnection ldap = directory.connect()) {
            DN domain = new DN("DC=corp,DC=example");
            Account alice = new LdapAccountDirectory(ldap, domain).findUser("alice").orElseThrow();
            LdapGroupMembership membership = new LdapGroupMembership(ldap, domain, true, Clock.fixed(NOW, ZoneOffset.UTC));

            membership.add(alice.memberRef(), TIER0, NOW.plus(Duration.ofHours(2)));
            membership.add(alice.memberRef(), TIER0, NOW.plus(Duration.ofHours(3)));

            // extending: remove and re-add with the new TTL (AD keeps the first TTL otherwise)
            assertThat(recorder.operations).containsExactly("delete " + alice.dn(), "add <TTL=7200," + alice.dn() + ">",
                    "delete " + alice.dn(), "add <TTL=10800," + alice.dn() + ">");
            assertThat(membership.isDirectMember(alice.memberRef(), TIER0)).isTrue();
        }
    }

    @Test
    void without_the_pam_feature_a_grant_is_a_plain_member() throws Exception {
        TtlRecorder recorder = new TtlRecorder();
        try (InterceptedDirectory directory = new InterceptedDirectory(recorder); LDAPConnection ldap = directory.connect()) {
            DN domain = new DN("DC=corp,DC=example");
            Account alice = new LdapAccountDirectory(ldap, domain).findUser("alice").orElseThrow();

            new LdapGroupMembership(ldap, domain, false, Clock.fixed(NOW, ZoneOffset.UTC))
                    .add(alice.memberRef(), TIER0, NOW.plusSeconds(60));

            assertThat(recorder.operations).containsExactly("add " + alice.dn());
        }
    }

    /** Records member changes and turns {@code <TTL=n,DN>} into {@code DN}, as AD stores a time-bound link. */
    static final class TtlRecorder extends InMemoryOperationInterceptor {

        private static final Pattern TTL = Pattern.compile("^<TTL=\\d+,(.+)>$");
        final List<String> operations = new ArrayList<>();

        @Override
        public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
            List<Modification> rewritten = new ArrayList<>();
            for (Modification m : request.getRequest().getModifications()) {
                List<String> values = new ArrayList<>();
                for (String value : m.getValues()) {
                    operations.add(m.getModificationType().getName().toLowerCase(Locale.ROOT) + " " + value);
                    Matcher ttl = TTL.matcher(value);
                    values.add(ttl.matches() ? ttl.group(1) : value);
                }
                rewritten.add(new Modification(m.getModificationType(), m.getAttributeName(), values.toArray(new String[0])));
            }
            request.setRequest(new ModifyRequest(request.getRequest().getDN(), rewritten));
        }
    }
}
