@NullMarked
package dev.faultline.engine.store;

import org.jspecify.annotations.NullMarked;
