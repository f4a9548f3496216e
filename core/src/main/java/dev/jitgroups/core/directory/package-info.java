/** Ports to the directory (Active Directory in production): who a user is, who is in a group, and membership changes. */
package dev.jitgroups.core.directory;
