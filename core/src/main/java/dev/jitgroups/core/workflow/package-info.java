/**
 * The use cases (requesting, deciding, ending, applying, expiring) and the one transition mechanism they
 * share: compare-and-set of the request, its audit events and its follow-up jobs in one transaction.
 */
package dev.jitgroups.core.workflow;
