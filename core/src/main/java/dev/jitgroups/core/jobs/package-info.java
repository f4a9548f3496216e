/**
 * Durable jobs on db-scheduler: the task definitions that call the workflow's job handlers, the capped
 * exponential back-off that retries failures forever, and the {@code JobQueue} adapter.
 */
package dev.jitgroups.core.jobs;
