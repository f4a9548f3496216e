/** Persistence adapters for core's stores: Spring Data JDBC for requests, plain JDBC for the audit chain. */
package dev.jitgroups.core.store;
