@NullMarked
package dev.faultline.plugin.local.probe;

import org.jspecify.annotations.NullMarked;
