/** Writing and reading membership of managed groups: idempotent add/remove with read-back, ranged member reads. */
package dev.jitgroups.ldap.membership;
