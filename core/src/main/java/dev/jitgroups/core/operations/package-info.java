/** Operator tools: the Actuator endpoint that verifies and exports the audit log. */
package dev.jitgroups.core.operations;
