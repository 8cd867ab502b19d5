/** Hands GameDay and run events to the installed notifiers through bounded queues, off the run's threads. */
@NullMarked
package dev.faultline.engine.notify;

import org.jspecify.annotations.NullMarked;
