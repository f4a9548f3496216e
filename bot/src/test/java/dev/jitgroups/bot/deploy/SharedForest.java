package dev.jitgroups.bot.deploy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import dev.jitgroups.ldap.directory.SidCodec;
import dev.jitgroups.ldap.embedded.EmbeddedDirectory;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One directory for several application processes: the demo forest on loopback plus {@code ha01...} users eligible
 * for the helpdesk group, one service account per instance (so that every write is known by who made it), and a hold
 * on one instance's writes to the helpdesk group, to kill that instance while its jobs are inside the write.
 */
final class SharedForest extends InMemoryOperationInterceptor implements AutoCloseable {

    static final String BASE = "DC=corp,DC=example";
    static final String HELPDESK = "CN=JIT Helpdesk Ops,OU=Privileged," + BASE;
    private static final String ELIGIBLE = "CN=Helpdesk Eligible,OU=Groups," + BASE;
    private static final String DOMAIN_SID = "S-1-5-21-1111111111-2222222222-3333333333";

    /** A write to the helpdesk group that reached the directory, and which service account made it. */
    record Write(String serviceAccount, ModificationType type, DN member) {
    }

    private final InMemoryDirectoryServer server;
    private final String password = newPassword();
    private final Map<Long, String> bindsByConnection = new ConcurrentHashMap<>();
    private final List<DN> held = new CopyOnWriteArrayList<>();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<DN> landed = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean firstReleased = new AtomicBoolean();
    private volatile String holding;

    private SharedForest(int users, List<String> serviceAccounts) throws Exception {
        InMemoryDirectoryServerConfig config = EmbeddedDirectory.config(BASE, 0);
        for (String account : serviceAccounts) {
            config.addAdditionalBindCredentials(account, password);
        }
        config.addInMemoryOperationInterceptor(this);
        server = new InMemoryDirectoryServer(config);
        try (InputStream demo = EmbeddedDirectory.class.getResourceAsStream(EmbeddedDirectory.DEMO_FOREST)) {
            EmbeddedDirectory.seed(server, demo);
        }
        for (int i = 1; i <= users; i++) {
            addEligibleUser(i);
        }
        server.startListening();
    }

    private static String newPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static SharedForest start(int users, String... serviceAccounts) throws Exception {
        return new SharedForest(users, List.of(serviceAccounts));
    }

    static String sam(int user) {
        return String.format("ha%02d", user);
    }

    static DN dnOf(int user) {
        try {
            return new DN(String.format("CN=HA User %02d,OU=People,%s", user, BASE));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addEligibleUser(int i) throws LDAPException {
        String sam = sam(i);
        Entry user = new Entry(dnOf(i).toString());
        user.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        user.addAttribute("cn", String.format("HA User %02d", i));
        user.addAttribute("sn", "User " + i);
        user.addAttribute("displayName", String.format("HA User %02d", i));
        user.addAttribute("sAMAccountName", sam);
        user.addAttribute("userPrincipalName", sam + "@corp.example");
        user.addAttribute("objectSid", SidCodec.encode(DOMAIN_SID + "-" + (3000 + i)));
        user.addAttribute("userAccountControl", "512");
        server.add(user);
        server.modify(ELIGIBLE, new Modification(ModificationType.ADD, "member", user.getDN()));
    }

    String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    /** The service accounts' password (all share it); give it to the instances like a secret. */
    String password() {
        return password;
    }

    /** From now on, writes to the helpdesk group by this service account wait in the directory until released. */
    void hold(String serviceAccount) {
        holding = normalized(serviceAccount);
    }

    /** Members whose write is waiting. */
    List<DN> held() {
        return new ArrayList<>(held);
    }

    /**
     * Ends the hold of writes from an instance that has died meanwhile. The first held write reaches the directory
     * after all (the DC had it before the crash); the others are lost with their connection.
     */
    void releaseHeld() {
        holding = null;
        release.countDown();
    }

    /** Members whose held write reached the directory after all. */
    List<DN> landed() {
        return new ArrayList<>(landed);
    }

    /** The writes the directory carried out, oldest first. */
    List<Write> writes() {
        return new ArrayList<>(writes);
    }

    boolean isMember(DN user) throws LDAPException {
        try (LDAPConnection ldap = server.getConnection()) {
            String[] members = ldap.getEntry(HELPDESK, "member").getAttributeValues("member");
            if (members == null) {
                return false;
            }
            for (String m : members) {
                if (new DN(m).equals(user)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
        bindsByConnection.put(request.getConnectionID(), normalized(request.getRequest().getBindDN()));
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        String by = bindsByConnection.get(request.getConnectionID());
        if (holding == null || !holding.equals(by) || !isHelpdesk(request.getRequest().getDN())) {
            return;
        }
        List<DN> members = members(request.getRequest().getModifications());
        held.addAll(members);
        try {
            if (!release.await(5, TimeUnit.MINUTES)) {
                throw new LDAPException(ResultCode.UNAVAILABLE, "never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LDAPException(ResultCode.UNAVAILABLE, "interrupted", e);
        }
        if (!firstReleased.compareAndSet(false, true)) {
            throw new LDAPException(ResultCode.UNAVAILABLE, "the instance died before this write reached the directory");
        }
        landed.addAll(members);
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        if (result.getResult().getResultCode() != ResultCode.SUCCESS || !isHelpdesk(result.getRequest().getDN())) {
            return;
        }
        String by = bindsByConnection.get(result.getConnectionID());
        for (Modification m : result.getRequest().getModifications()) {
            for (DN member : members(List.of(m))) {
                writes.add(new Write(by, m.getModificationType(), member));
            }
        }
    }

    private static List<DN> members(List<Modification> modifications) {
        List<DN> members = new ArrayList<>();
        for (Modification m : modifications) {
            if (m.getAttributeName().equalsIgnoreCase("member") && m.getValues() != null) {
                for (String value : m.getValues()) {
                    try {
                        members.add(new DN(value));
                    } catch (LDAPException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return members;
    }

    private static boolean isHelpdesk(String dn) {
        try {
            return new DN(dn).equals(new DN(HELPDESK));
        } catch (LDAPException e) {
            return false;
        }
    }

    private static String normalized(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn;
        }
    }

    @Override
    public void close() {
        releaseHeld();
        server.shutDown(true);
    }
}
