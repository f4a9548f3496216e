package dev.jitgroups.ldap.errors;

/**
 * What was being attempted when the directory said no, so that the explanation can name it.
 *
 * @param action what was attempted, as a phrase ("Adding alice@corp.example to CN=...")
 * @param groupDn the group written to, or null
 * @param protectedGroup true when the group has adminCount=1 (its ACL comes from AdminSDHolder)
 * @param domainDn the domain naming context, for the AdminSDHolder DN, or null
 */
public record Failure(String action, String groupDn, boolean protectedGroup, String domainDn) {
}
