/** Benchmarks run by hand against the Samba AD DC (not part of the test suite). */
package dev.jitgroups.ldap.bench;
