/** The access request aggregate, its lifecycle and guarded transitions, and the port that stores it. */
package dev.jitgroups.core.request;
