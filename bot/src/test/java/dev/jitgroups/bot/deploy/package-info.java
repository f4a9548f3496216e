/** Checks of the deployable artefacts (container image, several instances on one database) on the built jar. */
package dev.jitgroups.bot.deploy;
