package dev.jitgroups.core.workflow;

import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.AccountDirectory;
import dev.jitgroups.core.directory.EntraException;
import dev.jitgroups.core.directory.EntraGroups;
import dev.jitgroups.core.policy.PrincipalRef;
import dev.jitgroups.core.request.Requester;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Resolves policy principal references against the directory (and Entra ID, when configured). */
@Component
public class Principals {

    private static final Logger LOG = LoggerFactory.getLogger(Principals.class);

    private final AccountDirectory directory;
    private final ObjectProvider<EntraGroups> entraGroups;

    public Principals(AccountDirectory directory, ObjectProvider<EntraGroups> entraGroups) {
        this.directory = directory;
        this.entraGroups = entraGroups;
    }

    /**
     * True when any reference covers the account; {@code manager} is judged against the requester. When Entra ID
     * cannot say for an {@code entra-group:} and no other reference covers the account, that is thrown rather than
     * taken as "not covered": the caller fails closed but can say why.
     */
    public boolean covers(List<PrincipalRef> refs, Account who, Optional<Requester> requester) {
        EntraException unanswered = null;
        for (PrincipalRef ref : refs) {
            try {
                if (covers(ref, who, requester)) {
                    return true;
                }
            } catch (EntraException e) {
                unanswered = e;
            }
        }
        if (unanswered != null) {
            throw unanswered;
        }
        return false;
    }

    private boolean covers(PrincipalRef ref, Account who, Optional<Requester> requester) {
        if (ref instanceof PrincipalRef.User u) {
            return directory.findUser(u.reference()).map(a -> a.sameAs(who)).orElse(false);
        }
        if (ref instanceof PrincipalRef.AdGroup g) {
            return directory.isTransitiveMember(who, g.dn());
        }
        if (ref instanceof PrincipalRef.EntraGroup g) {
            EntraGroups entra = entraGroups.getIfAvailable();
            if (entra == null) {
                LOG.warn("{} is configured but Microsoft Graph is not; the reference matches nobody", g.text());
                return false;
            }
            return entra.isMember(who, g.objectId());
        }
        return requester.flatMap(r -> directory.managerOf(r.member())).map(mgr -> mgr.sameAs(who)).orElse(false);
    }

    /**
     * The enabled accounts the references name (for sending cards). Entra groups cannot be listed here:
     * their members see requests with the {@code pending} command and the approvals channel.
     */
    public List<Account> resolve(List<PrincipalRef> refs, Optional<Requester> requester) {
        Map<String, Account> out = new LinkedHashMap<>();
        for (PrincipalRef ref : refs) {
            List<Account> found = new ArrayList<>();
            if (ref instanceof PrincipalRef.User u) {
                directory.findUser(u.reference()).ifPresent(found::add);
            } else if (ref instanceof PrincipalRef.AdGroup g) {
                found.addAll(directory.transitiveMembers(g.dn()));
            } else if (ref instanceof PrincipalRef.Manager) {
                requester.flatMap(r -> directory.managerOf(r.member())).ifPresent(found::add);
            }
            found.stream().filter(Account::enabled).forEach(a -> out.putIfAbsent(a.id().toUpperCase(Locale.ROOT), a));
        }
        return List.copyOf(out.values());
    }
}
