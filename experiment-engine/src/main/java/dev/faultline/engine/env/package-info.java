@NullMarked
package dev.faultline.engine.env;

import org.jspecify.annotations.NullMarked;
