package dev.jitgroups.ldap.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import dev.jitgroups.ldap.embedded.InterceptedDirectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Ranged retrieval against an in-memory server taught to answer as AD does (at most 1,500 values per answer). */
class RangedAttributeTest {

    private static final String GROUP = "CN=JIT Helpdesk Ops,OU=Privileged,DC=corp,DC=example";

    @Test
    void reads_a_1600_value_attribute_that_the_server_returns_in_chunks_of_1500() throws Exception {
        AdRangeInterceptor ranges = new AdRangeInterceptor(1500);
        try (InterceptedDirectory directory = new InterceptedDirectory(ranges); LDAPConnection ldap = directory.connect()) {
            List<String> members = addMembers(directory, 1600);

            List<String> read = RangedAttribute.readAll(ldap, new DN(GROUP), "member");

            assertThat(read).hasSize(1600).containsExactlyInAnyOrderElementsOf(members);
            assertThat(ranges.requested).containsExactly("member", "member;range=1500-*");
        }
    }

    @Test
    void explicit_chunks_walk_the_ranges_to_the_end() throws Exception {
        AdRangeInterceptor ranges = new AdRangeInterceptor(1500);
        try (InterceptedDirectory directory = new InterceptedDirectory(ranges); LDAPConnection ldap = directory.connect()) {
            addMembers(directory, 1200);

            assertThat(RangedAttribute.readAll(ldap, new DN(GROUP), "member", 500)).hasSize(1200).doesNotHaveDuplicates();
            assertThat(ranges.requested).containsExactly("member;range=0-499", "member;range=500-999", "member;range=1000-1499");
        }
    }

    @Test
    void an_empty_attribute_reads_as_no_values() throws Exception {
        try (InterceptedDirectory directory = new InterceptedDirectory(new AdRangeInterceptor(1500));
                LDAPConnection ldap = directory.connect()) {
            assertThat(RangedAttribute.readAll(ldap, new DN(GROUP), "member")).isEmpty();
        }
    }

    private static List<String> addMembers(InterceptedDirectory directory, int count) throws Exception {
        List<String> dns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String dn = "CN=Bulk " + i + ",OU=People,DC=corp,DC=example";
            directory.server().add(new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("cn", "Bulk " + i), new Attribute("sn", "Bulk")));
            dns.add(dn);
        }
        directory.server().modify(GROUP, new Modification(ModificationType.ADD, "member", dns.toArray(new String[0])));
        return dns;
    }

    /** Answers requests for {@code member} and {@code member;range=low-high} as AD does with the given MaxValRange. */
    static final class AdRangeInterceptor extends InMemoryOperationInterceptor {

        private final int maxValRange;
        private final Map<Integer, String> rangeByMessage = new ConcurrentHashMap<>();
        final List<String> requested = new ArrayList<>();

        AdRangeInterceptor(int maxValRange) {
            this.maxValRange = maxValRange;
        }

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
            List<String> attributes = new ArrayList<>(request.getRequest().getAttributeList());
            for (int i = 0; i < attributes.size(); i++) {
                if (attributes.get(i).toLowerCase().startsWith("member")) {
                    requested.add(attributes.get(i));
                    rangeByMessage.put(request.getMessageID(), attributes.get(i));
                    attributes.set(i, "member");
                }
            }
            SearchRequest rewritten = request.getRequest().duplicate();
            rewritten.setAttributes(attributes);
            request.setRequest(rewritten);
        }

        @Override
        public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
            String asked = rangeByMessage.remove(result.getMessageID());
            Entry entry = result.getSearchEntry().duplicate();
            String[] all = entry.getAttributeValues("member");
            if (asked == null || all == null) {
                return;
            }
            long low = 0;
            long high = Long.MAX_VALUE;
            int option = asked.indexOf(";range=");
            if (option >= 0) {
                String[] bounds = asked.substring(option + 7).split("-");
                low = Long.parseLong(bounds[0]);
                high = "*".equals(bounds[1]) ? Long.MAX_VALUE : Long.parseLong(bounds[1]);
            } else if (all.length <= maxValRange) {
                return;
            }
            long end = Math.min(Math.min(high, low + maxValRange - 1), all.length - 1);
            String name = "member;range=" + low + "-" + (end == all.length - 1 ? "*" : String.valueOf(end));
            entry.removeAttribute("member");
            entry.addAttribute(new Attribute(name, Arrays.copyOfRange(all, (int) low, (int) end + 1)));
            result.setSearchEntry(entry);
        }
    }
}
