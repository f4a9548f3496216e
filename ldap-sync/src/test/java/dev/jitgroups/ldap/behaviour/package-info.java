/** The directory behaviour suite and its fixtures: the embedded in-memory directory and the Samba AD DC. */
package dev.jitgroups.ldap.behaviour;
