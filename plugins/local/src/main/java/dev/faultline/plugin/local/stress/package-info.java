/** The built-in stressor: CPU, memory and disk load in a process of its own, so a halt ends it at once. */
@NullMarked
package dev.faultline.plugin.local.stress;

import org.jspecify.annotations.NullMarked;
