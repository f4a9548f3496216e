/** The audit log pushed to SIEMs: sink settings, CEF/RFC 5424 and OCSF formats, syslog and webhook delivery in order. */
package dev.jitgroups.core.siem;
