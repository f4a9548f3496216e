/** Connecting to the directory: validated {@code jit.ldap.*} settings, TLS and the connection pool. */
package dev.jitgroups.ldap.connection;
