package dev.jitgroups.ldap.membership;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import dev.jitgroups.core.directory.DirectoryException;
import dev.jitgroups.core.directory.DirectoryGroup;
import dev.jitgroups.core.directory.Dn;
import dev.jitgroups.core.directory.GroupMember;
import dev.jitgroups.core.directory.GroupMembership;
import dev.jitgroups.core.directory.MemberRef;
import dev.jitgroups.core.directory.Removal;
import dev.jitgroups.ldap.directory.Dns;
import dev.jitgroups.ldap.directory.GroupInfo;
import dev.jitgroups.ldap.directory.Groups;
import dev.jitgroups.ldap.directory.NestingRules;
import dev.jitgroups.ldap.directory.RangedAttribute;
import dev.jitgroups.ldap.directory.SidLookup;
import dev.jitgroups.ldap.errors.Failure;
import dev.jitgroups.ldap.errors.LdapErrors;
import dev.jitgroups.ldap.ttl.TtlValues;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link GroupMembership} over LDAP. Every write first finds the account by objectSid, so it uses the account's
 * current DN whatever it was called when the grant began, and is confirmed by reading the group back by that SID:
 * "already done" answers (68/20 on add, 53/16 on delete) are never taken as proof, since a stale DN gets them too.
 * With AD's Privileged Access Management feature the value carries a TTL so that the DC removes the member itself.
 */
public final class LdapGroupMembership implements GroupMembership {

    /** A rename between resolving the DN and reading the group is retried this often before giving up for now. */
    private static final int READ_BACK_ATTEMPTS = 3;

    private final LDAPInterface ldap;
    private final DN domainDn;
    private final boolean timeBoundLinks;
    private final Clock clock;
    private final MemberSids memberSids;
    private final GroupLookup groups;

    /**
     * @param timeBoundLinks true when the forest has the Privileged Access Management feature enabled
     */
    public LdapGroupMembership(LDAPInterface ldap, DN domainDn, boolean timeBoundLinks, Clock clock) {
        this.ldap = ldap;
        this.domainDn = domainDn;
        this.timeBoundLinks = timeBoundLinks;
        this.clock = clock;
        this.memberSids = new MemberSids(ldap, domainDn);
        this.groups = new GroupLookup(ldap, domainDn);
    }

    @Override
    public MemberRef add(MemberRef member, Dn groupDn, Instant until) {
        DN group = Dns.ldap(groupDn);
        String action = "Adding " + member.lastKnownDn() + " to " + groupDn;
        SidLookup.Found account = find(member, action).orElseThrow(() -> new DirectoryException(action + " was refused: "
                + "no account with the SID " + member.sid() + " exists in the directory any more", false));
        if (account.disabled()) {
            throw new DirectoryException(action + " was refused: the account is disabled in Active Directory; "
                    + "an administrator must enable it first", false);
        }
        GroupInfo info = Groups.readSecurityGroup(ldap, group);
        Failure failure = failure(action, info);
        if (timeBoundLinks && until != null) {
            // AD extends a time-bound link only by removing and re-adding it with the new TTL
            write(ModificationType.DELETE, group, account.dn().toString(), LdapErrors.ALREADY_ABSENT, failure);
            write(ModificationType.ADD, group, TtlValues.memberValue(account.dn(),
                    TtlValues.secondsUntil(clock.instant(), until)), LdapErrors.ALREADY_MEMBER, failure);
        } else {
            write(ModificationType.ADD, group, account.dn().toString(), LdapErrors.ALREADY_MEMBER, failure);
        }
        MembershipBySid readBack = readBack(group, member, action);
        if (!readBack.member()) {
            throw new DirectoryException(action + " did not take effect: the member is not there when read back", true);
        }
        return readBack.account().orElseThrow().ref();
    }

    @Override
    public Removal remove(MemberRef member, Dn groupDn) {
        DN group = Dns.ldap(groupDn);
        String action = "Removing " + member.lastKnownDn() + " (" + member.sid() + ") from " + groupDn;
        MembershipBySid before = readBack(group, member, action);
        if (before.account().isEmpty()) {
            // AD takes a deleted object out of every group; nothing is left to remove
            return Removal.ACCOUNT_DELETED;
        }
        if (!before.member()) {
            return Removal.NOT_A_MEMBER;
        }
        deleteValue(group, before.account().get().dn().toString(), action);
        if (readBack(group, member, action).member()) {
            throw new DirectoryException(action + " did not take effect: the member is still there when read back by "
                    + "its SID", true);
        }
        return Removal.REMOVED;
    }

    @Override
    public void removeMemberValue(Dn memberValue, Dn groupDn) {
        DN group = Dns.ldap(groupDn);
        DN member = Dns.ldap(memberValue);
        String action = "Removing " + memberValue + " from " + groupDn;
        deleteValue(group, member.toString(), action);
        if (isMember(group, member, action)) {
            throw new DirectoryException(action + " did not take effect: the member is still there when read back", true);
        }
    }

    @Override
    public boolean isDirectMember(MemberRef member, Dn groupDn) {
        return readBack(Dns.ldap(groupDn), member, "Reading the membership of " + groupDn).member();
    }

    @Override
    public List<GroupMember> directMembers(Dn groupDn) {
        try {
            return memberSids.resolve(RangedAttribute.readAll(ldap, Dns.ldap(groupDn), "member"));
        } catch (LDAPException e) {
            throw LdapErrors.map(e, new Failure("Reading the members of " + groupDn, groupDn.toString(), false, null));
        }
    }

    @Override
    public Optional<DirectoryGroup> findGroup(Dn dn, Optional<String> objectGuid) {
        return groups.find(dn, objectGuid);
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

    /** The account as found by SID, and whether it is a direct member; empty account when it no longer exists. */
    private record MembershipBySid(Optional<SidLookup.Found> account, boolean member) {
    }

    /**
     * Reads the membership by SID: resolves the account's DN, asks the group, and resolves again, so that a rename in
     * between (which AD applies to the member value too) cannot make a member look absent.
     */
    private MembershipBySid readBack(DN group, MemberRef member, String action) {
        for (int attempt = 0; attempt < READ_BACK_ATTEMPTS; attempt++) {
            Optional<SidLookup.Found> account = find(member, action);
            if (account.isEmpty()) {
                return new MembershipBySid(account, false);
            }
            boolean isMember = isMember(group, account.get().dn(), action);
            Optional<SidLookup.Found> again = find(member, action);
            if (again.isPresent() && again.get().dn().equals(account.get().dn())) {
                return new MembershipBySid(account, isMember);
            }
        }
        throw new DirectoryException(action + " could not be confirmed: the account was renamed while it was read; "
                + "it will be retried", true);
    }

    private Optional<SidLookup.Found> find(MemberRef member, String action) {
        try {
            return SidLookup.find(ldap, domainDn, member.sid());
        } catch (LDAPException e) {
            throw LdapErrors.map(e, action);
        }
    }

    private void deleteValue(DN group, String value, String action) {
        try {
            write(ModificationType.DELETE, group, value, LdapErrors.ALREADY_ABSENT, new Failure(action, group.toString(), false,
                    domainDn.toString()));
        } catch (DirectoryException e) {
            if (e.getCause() instanceof LDAPException cause && cause.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
                // explain in terms of the group's protection, which is read only when needed
                throw LdapErrors.map(cause, failure(action, Groups.read(ldap, group)));
            }
            throw e;
        }
    }

    private void write(ModificationType type, DN group, String value, Set<ResultCode> alreadyDone, Failure failure) {
        try {
            ldap.modify(group.toString(), new Modification(type, "member", value));
        } catch (LDAPException e) {
            if (!alreadyDone.contains(e.getResultCode())) {
                throw LdapErrors.map(e, failure);
            }
            // "already done" is only a hint: the read-back by SID that follows decides
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
