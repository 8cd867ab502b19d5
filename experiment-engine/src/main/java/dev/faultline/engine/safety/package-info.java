@NullMarked
package dev.faultline.engine.safety;

import org.jspecify.annotations.NullMarked;
