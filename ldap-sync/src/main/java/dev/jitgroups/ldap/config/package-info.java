/** Spring Boot auto-configuration that wires the directory adapter into an application. */
package dev.jitgroups.ldap.config;
