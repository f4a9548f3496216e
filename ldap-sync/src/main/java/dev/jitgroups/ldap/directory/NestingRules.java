package dev.jitgroups.ldap.directory;

import java.util.Optional;

/**
 * AD's rules for putting a group into another group, checked before writing because Samba does not enforce
 * them and AD's own refusal arrives as a bare result code. Messages use AD's wording.
 * <ul>
 * <li>global may contain global groups of the same domain only;</li>
 * <li>universal may contain global and universal groups, but no domain local group;</li>
 * <li>domain local may contain any group except a domain local group of another domain.</li>
 * </ul>
 */
public final class NestingRules {

    private NestingRules() {
    }

    /** Why {@code child} may not be a member of {@code parent}, or empty when it may. */
    public static Optional<String> violation(GroupInfo parent, GroupInfo child) {
        boolean sameDomain = parent.domain().equals(child.domain());
        GroupScope p = parent.scope();
        GroupScope c = child.scope();
        if (p == GroupScope.GLOBAL) {
            if (c == GroupScope.DOMAIN_LOCAL) {
                return Optional.of("A global group cannot have a local group as a member.");
            }
            if (c == GroupScope.UNIVERSAL) {
                return Optional.of("A global group cannot have a universal group as a member.");
            }
            if (!sameDomain) {
                return Optional.of("A global group cannot have a cross-domain member.");
            }
        } else if (p == GroupScope.UNIVERSAL) {
            if (c == GroupScope.DOMAIN_LOCAL) {
                return Optional.of("A universal group cannot have a local group as a member.");
            }
        } else if (c == GroupScope.DOMAIN_LOCAL && !sameDomain) {
            return Optional.of("A local group cannot have a local group from another domain as a member.");
        }
        return Optional.empty();
    }
}
