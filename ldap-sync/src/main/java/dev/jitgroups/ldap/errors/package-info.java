/** One table that turns LDAP result codes into retryable or permanent directory errors with a human explanation. */
package dev.jitgroups.ldap.errors;
