/** The Toxiproxy backend: network faults as toxics on any Toxiproxy server, through its HTTP API. */
@NullMarked
package dev.faultline.plugin.toxiproxy;

import org.jspecify.annotations.NullMarked;
