@NullMarked
package dev.faultline.engine;

import org.jspecify.annotations.NullMarked;
