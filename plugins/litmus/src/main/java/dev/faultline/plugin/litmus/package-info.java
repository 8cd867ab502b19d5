/** Faults through LitmusChaos ChaosEngines; verdicts from ChaosResults. */
@NullMarked
package dev.faultline.plugin.litmus;

import org.jspecify.annotations.NullMarked;
