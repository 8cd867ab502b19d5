/**
 * A run as its listeners see it: the events a run emits, its phases, and its result. Plugins
 * (notifiers, metric exporters) and the app follow runs through these types only.
 */
@NullMarked
package dev.faultline.engine.spi.run;

import org.jspecify.annotations.NullMarked;
