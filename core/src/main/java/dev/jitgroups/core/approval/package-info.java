/** Approval rules as small named functions over values: who may decide a request, and when it is approved. */
package dev.jitgroups.core.approval;
