/** The embedded UnboundID in-memory directory with an AD-like schema and the demo forest, used when no server is configured. */
package dev.jitgroups.ldap.embedded;
