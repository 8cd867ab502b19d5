@NullMarked
package dev.faultline.engine.plugins;

import org.jspecify.annotations.NullMarked;
