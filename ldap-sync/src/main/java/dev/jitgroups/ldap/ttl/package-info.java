/** Time-bound membership through the AD Privileged Access Management optional feature. */
package dev.jitgroups.ldap.ttl;
