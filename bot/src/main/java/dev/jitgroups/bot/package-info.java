/** The Spring Boot application that hosts the Teams bot and wires core and ldap-sync together. */
package dev.jitgroups.bot;
