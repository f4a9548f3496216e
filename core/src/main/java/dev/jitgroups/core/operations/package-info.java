/** Operator tools: the Actuator endpoint that verifies and exports the audit log and shows SIEM delivery. */
package dev.jitgroups.core.operations;
