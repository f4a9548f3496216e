/** Spring wiring of core: policy binding and validation at start-up, clock, defaults for optional ports. */
package dev.jitgroups.core.config;
