/**
 * LitmusChaos {@code ChaosEngine}s read into Faultline experiments and Faultline experiments written
 * as {@code ChaosEngine}s: the {@code litmus} format of {@code faultline import} and
 * {@code faultline export}.
 */
@NullMarked
package dev.faultline.plugin.litmus.interop;

import org.jspecify.annotations.NullMarked;
