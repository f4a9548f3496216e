/** Actuator health for the directory connection. */
package dev.jitgroups.ldap.health;
