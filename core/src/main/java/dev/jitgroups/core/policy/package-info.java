/** Managed groups and their policies: who may request, for how long, who approves; parsing and validation. */
package dev.jitgroups.core.policy;
