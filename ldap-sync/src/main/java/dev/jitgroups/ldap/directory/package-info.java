/** Finding users and groups in Active Directory: SIDs, group scopes, nesting rules, transitive membership. */
package dev.jitgroups.ldap.directory;
