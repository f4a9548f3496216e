package dev.jitgroups.ldap.membership;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import dev.jitgroups.core.directory.Account;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.ldap.directory.GroupInfo;
import dev.jitgroups.ldap.directory.Groups;
import dev.jitgroups.ldap.directory.NestingRules;
import dev.jitgroups.ldap.directory.RangedAttribute;
import dev.jitgroups.ldap.errors.Failure;
import dev.jitgroups.ldap.errors.LdapErrors;
import dev.jitgroups.ldap.ttl.TtlValues;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@link GroupMembership} over LDAP: one {@code member} value added or deleted per call, "already done" answers
 * accepted, and every write read back. With AD's Privileged Access Management feature the value carries a TTL
 * so that the DC removes the member itself at the end of the grant.
 */
public final class LdapGroupMembership implements GroupMembership {

    private final LDAPInterface ldap;
    private final DN domainDn;
    private final boolean timeBoundLinks;
    private final Clock clock;

    /**
     * @param timeBoundLinks true when the forest has the Privileged Access Management feature enabled
     */
    public LdapGroupMembership(LDAPInterface ldap, DN domainDn, boolean timeBoundLinks, Clock clock) {
        this.ldap = ldap;
        this.domainDn = domainDn;
        this.timeBoundLinks = timeBoundLinks;
        this.clock = clock;
    }

    @Override
    public void add(Account user, String groupDn, Instant until) {
        DN group = parse(groupDn);
        DN member = parse(user.dn());
        String action = "Adding " + user.displayName() + " to " + groupDn;
        if (!user.enabled()) {
            throw new DirectoryException(action + " was refused: the account is disabled in Active Directory; "
                    + "an administrator must enable it first", false);
        }
        GroupInfo info = Groups.readSecurityGroup(ldap, group);
        Failure failure = failure(action, info);
        if (timeBoundLinks && until != null) {
            // AD extends a time-bound link only by removing and re-adding it with the new TTL
            write(ModificationType.DELETE, group, member.toString(), LdapErrors.ALREADY_ABSENT, failure);
            write(ModificationType.ADD, group, TtlValues.memberValue(member, TtlValues.secondsUntil(clock.instant(), until)),
                    LdapErrors.ALREADY_MEMBER, failure);
        } else {
            write(ModificationType.ADD, group, member.toString(), LdapErrors.ALREADY_MEMBER, failure);
        }
        if (!isMember(group, member, action)) {
            throw new DirectoryException(action + " did not take effect: the member is not there when read back", true);
        }
    }

    @Override
    public void remove(Account user, String groupDn) {
        DN group = parse(groupDn);
        DN member = parse(user.dn());
        String action = "Removing " + user.displayName() + " from " + groupDn;
        try {
            write(ModificationType.DELETE, group, member.toString(), LdapErrors.ALREADY_ABSENT, new Failure(action, groupDn, false,
                    domainDn.toString()));
        } catch (DirectoryException e) {
            if (e.getCause() instanceof LDAPException cause && cause.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
                // explain in terms of the group's protection, which is read only when needed
                throw LdapErrors.map(cause, failure(action, Groups.read(ldap, group)));
            }
            throw e;
        }
        if (isMember(group, member, action)) {
            throw new DirectoryException(action + " did not take effect: the member is still there when read back", true);
        }
    }

    @Override
    public boolean isDirectMember(Account user, String groupDn) {
        return isMember(parse(groupDn), parse(user.dn()), "Reading the membership of " + groupDn);
    }

    @Override
    public Set<String> directMemberDns(String groupDn) {
        try {
            return new LinkedHashSet<>(RangedAttribute.readAll(ldap, parse(groupDn), "member"));
        } catch (LDAPException e) {
            throw LdapErrors.map(e, new Failure("Reading the members of " + groupDn, groupDn, false, null));
        }
    }

    /**
     * Puts a group into another group after checking AD's nesting rules (which Samba does not enforce).
     * Not used by core today; a refusal carries AD's own wording.
     */
    public void addGroup(String childGroupDn, String parentGroupDn) {
        DN parent = parse(parentGroupDn);
        DN child = parse(childGroupDn);
        String action = "Adding the group " + childGroupDn + " to " + parentGroupDn;
        GroupInfo parentInfo = Groups.readSecurityGroup(ldap, parent);
        Optional<String> violation = NestingRules.violation(parentInfo, Groups.read(ldap, child));
        if (violation.isPresent()) {
            throw new DirectoryException(action + " was refused: " + violation.get(), false);
        }
        write(ModificationType.ADD, parent, child.toString(), LdapErrors.ALREADY_MEMBER, failure(action, parentInfo));
        if (!isMember(parent, child, action)) {
            throw new DirectoryException(action + " did not take effect: the member is not there when read back", true);
        }
    }

    private void write(ModificationType type, DN group, String value, Set<ResultCode> alreadyDone, Failure failure) {
        try {
            ldap.modify(group.toString(), new Modification(type, "member", value));
        } catch (LDAPException e) {
            if (!alreadyDone.contains(e.getResultCode())) {
                throw LdapErrors.map(e, failure);
            }
            // already done: the read-back that follows proves it, also if a server used the code for something else
        }
    }

    private boolean isMember(DN group, DN member, String action) {
        try {
            return Groups.hasDirectMember(ldap, group, member);
        } catch (LDAPException e) {
            throw LdapErrors.map(e, new Failure(action, group.toString(), false, null));
        }
    }

    private Failure failure(String action, GroupInfo group) {
        return new Failure(action, group.dn().toString(), group.protectedGroup(), domainDn.toString());
    }

    private static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new DirectoryException("\"" + dn + "\" is not a valid distinguished name", false, e);
        }
    }
}
