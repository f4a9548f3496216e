/** The port through which the workflow tells people what happened (Teams in production). */
package dev.jitgroups.core.notification;
